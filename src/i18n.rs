//! Interface strings in both languages. Data text lives in `data/`; this is the chrome only.
//!
//! Layer: shared by `ui` and the static first screen (`shell`); plain constants, no web types, so
//! native code and tests can use them. Terms follow `data/glossary.csv`.

use crate::data::L;

pub const SITE_TITLE: L = L::new("外贸新质生产力:2023 年中国外贸图集", "Trade Atlas: China's foreign trade in 2023");
pub const SITE_SUB: L = L::new(
    "根据论文《外贸新质生产力》的全部表格与数字绘制的交互式图集。原文数字均按原文印刷,每个数字注明出处、单位与时段;推算值与补充数据另行标明。",
    "An interactive atlas of every table and figure in the paper 《外贸新质生产力》 (New quality productive forces in foreign trade). The paper's numbers are shown as it prints them, each with its source, unit and period; derived and supplementary values say so.",
);
pub const SWITCH_LANG: L = L::new("English", "中文");
pub const SWITCH_LANG_LABEL: L = L::new("Switch to English", "切换到中文");
pub const THEME_DARK: L = L::new("深色", "Dark");
pub const THEME_LIGHT: L = L::new("浅色", "Light");
pub const THEME_LABEL: L = L::new("切换深色或浅色主题", "Switch between dark and light theme");
pub const CONTENTS: L = L::new("目录", "Contents");
pub const SKIP: L = L::new("跳到正文", "Skip to content");
pub const DATA_TABLE: L = L::new("数据表", "Data table");
pub const NOTES: L = L::new("数据注释", "Data notes");
/// A data-notes landmark's name, before its dataset's title.
pub const NOTES_OF: L = L::new("数据注释:", "Data notes: ");
pub const NOTE_INCONSISTENCY: L = L::new("原文矛盾", "The paper contradicts itself");
pub const NOTE_MISPRINT: L = L::new("疑为印刷错误", "Probable misprint");
pub const NOTE_CAVEAT: L = L::new("注意", "Caveat");
pub const NOTE_METHOD: L = L::new("方法", "Method");

impl crate::data::NoteKind {
    /// The kind's name, before a note's text.
    pub fn label(self) -> L {
        match self {
            Self::Inconsistency => NOTE_INCONSISTENCY,
            Self::Misprint => NOTE_MISPRINT,
            Self::Caveat => NOTE_CAVEAT,
            Self::Method => NOTE_METHOD,
        }
    }

    /// The kind's class on a note's element (the stylesheets colour each kind; a misprint is
    /// coloured as the contradiction it is).
    pub fn css(self) -> &'static str {
        match self {
            Self::Inconsistency => "inconsistency",
            Self::Misprint => "inconsistency misprint",
            Self::Caveat => "caveat",
            Self::Method => "method",
        }
    }
}
pub const DERIVED: L = L::new("推算", "derived");
pub const DERIVED_HINT: L =
    L::new("推算值:由原文数字计算,公式见提示", "Derived from the paper's figures; the formula is in the tooltip");
pub const ROW: L = L::new("项目", "Item");
pub const NOT_GIVEN: L = L::new("—", "—");
pub const GLOSSARY: L = L::new("术语表", "Glossary");
pub const GLOSSARY_INTRO: L = L::new(
    "英文版是我们对中文论文的翻译。下表列出全站统一使用的译名;中文原文在英文版的表格与提示中始终可见。",
    "The English edition is our translation of a Chinese paper. This glossary lists the renderings used throughout; the Chinese original stays visible in every English table and tooltip.",
);
pub const ABOUT: L = L::new("关于数据", "About the data");
pub const CHART_ERROR: L = L::new("图表无法绘制:", "The chart could not be drawn: ");
pub const PRINTED_AS: L = L::new("原文", "printed");
pub const SOURCE_LINK: L = L::new("来源", "source");
pub const FORMULA: L = L::new("公式", "Formula");
/// Beside the search field when what was typed, pasted or linked was cut to the search's limit.
pub const SEARCH_SHORTENED: L =
    L::new("搜索内容过长,只保留了前 {} 个字符。", "Too long for the search: only its first {} characters are kept.");
pub const URL_IGNORED: L =
    L::new("地址中有无法识别的参数,已忽略:", "Some parameters in the address were not understood and were ignored: ");
pub const MENU: L = L::new("下载", "Download");
pub const MENU_LABEL: L = L::new("下载图表与数据、引用", "Download the chart and its data, or cite it");
pub const PNG: L = L::new("PNG 图片(2 倍)", "PNG image (2×)");
pub const COPY_PNG: L = L::new("复制图片", "Copy image");
pub const CITE: L = L::new("引用", "Cite");
pub const COPY_TEXT: L = L::new("复制引用", "Copy citation");
pub const SAVED: L = L::new("已下载。", "Downloaded.");
pub const COPIED: L = L::new("已复制。", "Copied.");
pub const EXPORT_FAILED: L = L::new("未能完成:", "Could not do that: ");
pub const METRIC: L = L::new("指标", "Show");
pub const SORT: L = L::new("排序", "Sort");
pub const SORT_PAPER: L = L::new("按原文顺序", "Paper's order");
pub const SORT_VALUE: L = L::new("按数值", "By value");
pub const SORT_GROWTH: L = L::new("按增速", "By growth");
pub const SORT_NAME: L = L::new("按名称(部首笔画)", "By name (A–Z)");
pub const KEYS_HINT: L = L::new(
    "可用方向键逐项浏览,回车选中,Esc 取消。",
    "Use the arrow keys to step through items, Enter to select, Escape to clear.",
);
pub const LEGEND_HINT: L = L::new(
    "点击图例显示或隐藏该系列;按住 Alt 点击只显示该系列。",
    "Click a legend entry to show or hide it; Alt-click to show it alone.",
);
pub const SELECTED: L = L::new("已选中:", "Selected: ");
pub const CLEAR: L = L::new("取消选中", "Clear selection");
pub const CONTRAST: L = L::new("高对比度", "High contrast");
pub const CONTRAST_LABEL: L = L::new(
    "高对比度:更强的颜色,并用斜线图案区分系列",
    "High contrast: stronger colours, and hatch patterns to tell series apart",
);
pub const EMBED_BACK: L = L::new("在外贸新质生产力图集中查看全部 ↗", "See the full Trade Atlas ↗");
pub const EMBED: L = L::new("嵌入", "Embed");
pub const EMBED_HINT: L = L::new(
    "把下面的代码粘贴到网页中。若要让框架高度随图表自动调整,请在页面中加入一次下面的脚本。",
    "Paste this into a web page. To let the frame's height follow the chart, add the script below once per page.",
);
pub const COPY_LINK: L = L::new("复制链接", "Copy link");
pub const PRINT: L = L::new("打印 / 存为 PDF", "Print / save as PDF");
pub const MAP_NAV: L = L::new("地图", "Map");
pub const MAP_NUM: L = L::new("地图", "Map");
pub const MAP_TITLE: L = L::new("2023 年中国外贸的空间格局", "The spatial pattern of China's trade in 2023");
pub const MAP_INTRO: L = L::new(
    "论文描绘的外贸新格局是空间的:伙伴从欧美转向东盟、俄罗斯与“一带一路”,海外仓追随跨境电商,船舶绕航好望角。选择图层,缩放与拖动地图。台湾地区按论文口径计入中国。",
    "The paper's new pattern of trade is spatial: partners shifting from the US and EU to ASEAN, Russia and the Belt and Road; overseas warehouses following cross-border e-commerce; ships detouring round the Cape. Choose a layer; zoom and drag the map. Taiwan is counted within China, as in the paper.",
);
pub const MAP_LAYERS: L = L::new("地图图层", "Map layers");
pub const MAP_ZOOM: L = L::new("缩放地图", "Zoom the map");
pub const ZOOM_IN: L = L::new("放大", "Zoom in");
pub const ZOOM_OUT: L = L::new("缩小", "Zoom out");
pub const ZOOM_RESET: L = L::new("复位", "Reset");
pub const MAP_HINT: L = L::new(
    "滚轮或双指缩放,拖动平移;键盘:方向键平移,+/− 缩放,0 复位,Tab 逐项浏览。",
    "Wheel or pinch to zoom, drag to pan; keys: arrows pan, +/− zoom, 0 resets, Tab steps through the items.",
);
/// The map's hint on a touch screen (`pointer: coarse`), in place of [`MAP_HINT`]'s keys and wheel.
pub const MAP_HINT_TOUCH: L = L::new(
    "双指缩放,单指拖动平移,轻点查看数值;“复位”显示全球,每一项也在下方列表与数据表中。",
    "Pinch to zoom, drag to pan, tap a place for its value; Reset shows the whole world, and every item is in the list and table below.",
);
pub const FULL_SCREEN: L = L::new("全屏", "Full screen");
pub const FULL_SCREEN_LEAVE: L = L::new("退出全屏", "Leave full screen");
pub const MAP_CENTRE: L = L::new("地图中心", "Centre the map on");
pub const CENTRE_PACIFIC: L = L::new("太平洋", "the Pacific");
pub const CENTRE_ATLANTIC: L = L::new("大西洋", "the Atlantic");
pub const FLOW_MOTION: L = L::new("流向动画", "Animate the flows");
pub const FLOW_MOTION_REDUCED: L =
    L::new("流向动画(按系统“减少动态效果”设置停用)", "Animate the flows (off: your system asks for reduced motion)");
pub const MAP_ITEMS: L = L::new("本图层的项目", "Items on this layer");
pub const MAP_TABLE: L = L::new("本图层的数据表", "This layer as a table");
pub const VALUES: L = L::new("数值", "Values");
pub const PAPER_SECTION: L = L::new("原文章节", "Paper section");
pub const TOUR: L = L::new("导览", "Tour");
pub const TOUR_LABEL: L = L::new("分步导览:跟随论文的论证", "A guided tour: follow the paper's argument step by step");
pub const TOUR_PROGRESS: L = L::new("导览进度", "Tour progress");
/// Before a tour step's paper section.
pub const TOUR_SECTION: L = L::new("原文 ", "Paper ");
pub const TOUR_PREV: L = L::new("上一步", "Back");
pub const TOUR_NEXT: L = L::new("下一步", "Next");
pub const TOUR_FINISH: L = L::new("完成", "Finish");
pub const TOUR_LEAVE: L = L::new("退出导览(Esc)", "Leave the tour (Esc)");
pub const TOUR_FOLD: L = L::new("收起导览面板为一行", "Fold the tour panel to one line");
pub const TOUR_UNFOLD: L = L::new("展开导览面板", "Unfold the tour panel");
pub const TOUR_KEYS: L = L::new("← → 翻页 · Esc 退出", "← → to step · Esc to leave");
pub const TOUR_BACK: L = L::new("在完整图集中查看这一步 ↗", "See this step in the full Trade Atlas ↗");

/// The About section's link to the whole dataset as one zip (`data::package::LINK`).
pub const DOWNLOAD_DATA: L = L::new("下载全部数据", "Download all data");
pub const DOWNLOAD_DATA_NOTE: L = L::new(
    "(ZIP,Frictionless 数据包:每个数据集一个 CSV 文件,附说明各列类型、单位、出处与公式的 datapackage.json)",
    " (ZIP, a Frictionless Data Package: one CSV file per dataset, with datapackage.json giving each column's type, unit, source and formula)",
);

pub const ABOUT_TEXT: L = L::new(
    "除标为补充数据或推算值的数字外,所有数字均来自论文全文(PDF 提取),以原文印刷的数字与单位录入 data/ 目录下的 CSV 文件,构建时校验并编入页面;推算值标明公式,论文以外的补充数据标明来源。原文自相矛盾之处保留原数并附数据注释,疑为印刷错误的数字照印出列出,但不计入排序。地图边界来自 Natural Earth(公有领域),经 npm 包 world-atlas 2.0.2(ISC 许可)提供,为示意性质;航线与班列通道为示意线。本页面完全在浏览器中运行,不向任何其他网站发出请求。",
    "Apart from values marked supplementary or derived, every number comes from the paper's full text (extracted from a PDF) and is kept, as printed and in the printed unit, in the CSV files under data/, validated at build time and compiled into the page. Derived values carry their formula; supplementary data from outside the paper names its source. Where the paper contradicts itself the printed value is kept and a data note says so; a value that cannot hold as printed is shown as printed, named as a probable misprint and left out of every ranking. Map boundaries come from Natural Earth (public domain) via the npm package world-atlas 2.0.2 (ISC licence) and are schematic; sea lanes and railway corridors are schematic lines. The page runs entirely in your browser and makes no request to any other site.",
);
