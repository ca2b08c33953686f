//! Interface strings in both languages. Data text lives in `data/`; this is the chrome only.
//!
//! Layer: ui. Terms follow `data/glossary.csv`.

use crate::data::L;

pub const SITE_TITLE: L = L::new("外贸新质生产力:2023 年中国外贸图集", "Trade Atlas: China's foreign trade in 2023");
pub const SITE_SUB: L = L::new(
    "根据论文《外贸新质生产力》的全部表格与数字绘制的交互式图集。数字均按原文印刷,每个数字注明出处、单位与时段。",
    "An interactive atlas of every table and figure in the paper 《外贸新质生产力》 (New quality productive forces in foreign trade). Numbers are shown as the paper prints them, each with its source, unit and period.",
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
pub const NOTE_INCONSISTENCY: L = L::new("原文矛盾", "The paper contradicts itself");
pub const NOTE_CAVEAT: L = L::new("注意", "Caveat");
pub const NOTE_METHOD: L = L::new("方法", "Method");
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
pub const URL_IGNORED: L =
    L::new("地址中有无法识别的参数,已忽略:", "Some parameters in the address were not understood and were ignored: ");
