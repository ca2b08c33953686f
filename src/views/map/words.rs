//! The map layers' own words in both languages: legends, captions and the names of routes.
//!
//! Layer: views.

use crate::data::L;

pub const PARTNERS_GROWTH: L = L::new("表 3 同比;描边:东盟、欧盟", "Table 3, year on year; outlined: ASEAN, EU");
pub const PARTNERS_VALUE: L = L::new("表 3;描边:东盟、欧盟", "Table 3; outlined: ASEAN, EU");
pub const WAREHOUSE_RANK: L = L::new("前十位次(第 1 最深)", "Top-10 rank (1st darkest)");
pub const WAREHOUSE_EMERGING: L = L::new("新兴市场(描边)", "Emerging markets (outlined)");
pub const ECONOMIES: L = L::new("各经济体时段与口径不同", "Periods and measures differ by economy");
pub const PENETRATION: L = L::new("2025 年电商渗透率(预计)", "E-commerce penetration, 2025 (forecast)");
pub const FASTEST: L =
    L::new("电商零售增长最快的十国中论文点名的六国", "Six of the ten fastest-growing e-commerce markets");
pub const SUEZ: L = L::new("亚欧航线:经曼德海峡与苏伊士运河", "Asia–Europe: via Bab-el-Mandeb and Suez");
pub const SUEZ_HEAD: L = L::new(
    "亚欧航线:经曼德海峡与苏伊士运河(示意);德鲁里统计的主要航线含亚洲至北欧和地中海",
    "Asia–Europe sea route via Bab-el-Mandeb and Suez (schematic); Drewry's main lanes include Asia to North Europe and the Mediterranean",
);
pub const CAPE: L = L::new("绕航好望角", "Detour round the Cape of Good Hope");
pub const CAPE_HEAD: L = L::new(
    "绕航好望角(示意):航运时效延长 10~15 天左右",
    "Detour round the Cape of Good Hope (schematic): about 10–15 days longer",
);
pub const PACIFIC: L = L::new("跨太平洋航线:中国—洛杉矶", "Trans-Pacific: China to Los Angeles");
pub const PACIFIC_HEAD: L = L::new(
    "跨太平洋航线(示意;线宽为中国大陆至美国集装箱货量)",
    "Trans-Pacific lane (schematic; width: container volume from mainland China to the US)",
);
pub const WLSC: L = L::new("西部陆海新通道班列", "New Western Land–Sea Corridor trains");
pub const HUB: L = L::new("中欧班列枢纽:{}", "China–Europe Railway Express hub: {}");
pub const RAIL_KEY: L = L::new("中欧班列通道(示意)", "China–Europe Railway Express corridors (schematic)");
pub const SUEZ_KEY: L = L::new("经苏伊士(示意)", "Via Suez (schematic)");
pub const CAPE_KEY: L = L::new("绕好望角(虚线,示意)", "Round the Cape (dashed, schematic)");
pub const PACIFIC_KEY: L = L::new("跨太平洋(线宽:集装箱货量)", "Trans-Pacific (width: container volume)");
pub const PORTS: L =
    L::new("颜色:1—11 月同比;圆面积:1—11 月吞吐量(万 TEU)", "Colour: Jan–Nov growth; area: Jan–Nov throughput");
/// The flows layer's readings share one width scale (`views::map::flows`): the legend says what
/// each arc's width is.
pub const FLOWS_PARTNERS: L = L::new(
    "线宽:表 3 数值(题为出口,疑为进出口);颜色:同比",
    "Width: Table 3's figure (titled exports, likely total trade); colour: year on year",
);
pub const FLOWS_BLOCS: L = L::new(
    "线宽:东盟、欧盟为正文进出口额,其余为表 3 数值(疑为进出口);颜色:同比",
    "Width: ASEAN and EU total trade (text), the others Table 3 (likely total trade); colour: year on year",
);
