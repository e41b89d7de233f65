// Words that many unrelated companies share. The scorer weights them low, so two names that agree
// only on such words ("Standard Bank" / "Standard Life") do not match, and a query that leaves
// them out ("Hikvision Digital Technology" for "Hangzhou Hikvision Digital Technology") still does.
// All entries are in normalised form (lowercase, no diacritics, Simplified Chinese).

function wordSet(words: string): ReadonlySet<string> {
  return new Set(words.split(/\s+/).filter(Boolean));
}

/** Function words; carry almost no identity. */
export const STOPWORDS = wordSet(`
  the of and for de la le les du des del della di da do das dos der die das und et y e van von zu
`);

/** Business and sector words, and common name fillers. */
export const GENERIC_WORDS = wordSet(`
  technology technologies tech group groups grupo groupe gruppe international global worldwide world
  holding holdings system systems service services solution solutions digital electronic electronics
  electric electrical electro communication communications telecom telecommunications network networks
  trading trade traders industry industries industrial enterprise enterprises company companies
  development developments management consulting consultants consultancy engineering manufacturing
  manufacturer products product resources resource energy power software hardware security securities
  media research science sciences scientific medical health healthcare pharmaceutical pharmaceuticals
  pharma bio biotech equipment materials material import export logistics transport supply supplies
  investment investments capital finance financial partners associates ventures venture
  bank banking insurance assurance fund funds trust properties property realty real estate construction
  building development infrastructure info information data smart intelligent intelligence innovation
  innovations innovative advanced applied creative dynamic integrated precision micro microelectronics
  semiconductor semiconductors instrument instruments automation automotive machinery machine machines
  design designs devices device components component parts products commercial business businesses
  agency associates center centre institute laboratory laboratories lab labs office union association
  national general united universal standard first new modern royal central premier prime best
  vision video optical optics photonics display displays imaging sensor sensors control controls
  technical tek tec chemicals chemical plastics metals metal steel foods food textiles textile minerals
  mining motors motor shipping aviation aerospace marine furniture analytics robotics oil gas petroleum
  agriculture agricultural retail wholesale distribution distributors packaging printing paper apparel
  fashion hotels hospitality travel airlines airways express cargo freight courier
`);

/** Countries, regions and large cities that companies put in front of their name. */
export const PLACE_NAMES = wordSet(`
  china chinese prc hong kong hongkong macau macao taiwan asia asian pacific europe european america
  american americas africa african euro eurasia usa us uk gb britain british england english scotland
  wales ireland irish germany german deutschland deutsche france french italy italia italian spain
  spanish netherlands dutch holland belgium swiss switzerland austria sweden swedish norway norwegian
  denmark danish finland nordic poland polish russia russian india indian japan japanese korea korean
  singapore malaysia indonesia thailand vietnam philippines australia australian canada canadian mexico
  brazil turkey israel dubai uae saudi arabia emirates north south east west northern southern eastern
  western
  beijing shanghai tianjin chongqing shenzhen guangzhou guangdong hangzhou zhejiang jiangsu nanjing
  suzhou wuxi ningbo wenzhou xiamen fujian fuzhou shandong qingdao jinan anhui hefei hubei wuhan hunan
  changsha sichuan chengdu shaanxi xian henan zhengzhou hebei liaoning shenyang dalian jilin changchun
  heilongjiang harbin yunnan kunming guizhou guangxi hainan jiangxi nanchang shanxi taiyuan gansu
  xinjiang tibet inner mongolia dongguan foshan zhuhai huizhou zhongshan
  london manchester birmingham edinburgh glasgow new york texas california paris berlin munich hamburg
  frankfurt milan rome madrid barcelona amsterdam rotterdam brussels zurich geneva vienna stockholm oslo
  copenhagen helsinki warsaw moscow mumbai delhi bangalore tokyo osaka seoul sydney melbourne toronto
`);

/** Chinese sector words, peeled off the end of a Chinese name ("海康威视数字技术" → 海康威视 + 数字 + 技术). */
export const CHINESE_GENERIC_WORDS = wordSet(`
  技术 科技 数字 数码 通信 通讯 电子 电气 电器 电力 集团 控股 实业 国际 发展 投资 贸易 商贸 工业 设备 系统
  软件 信息 网络 智能 光电 微电子 半导体 机电 自动化 能源 环保 材料 新材料 医药 生物 化工 机械 制造 工程 建设
  物流 安防 进出口 银行 保险 金融 证券 资本 管理 咨询 服务 产业 传媒 文化 实业 科学 研究院 研究所 股份 国有
  视频 视觉 影像 仪器 仪表 精密 装备 汽车 传感 芯片 集成电路 动力 新能源
`);

/** Chinese place names, peeled off the start of a Chinese name ("杭州海康威视" → 杭州 + 海康威视). */
export const CHINESE_PLACE_NAMES = wordSet(`
  中国 中华 北京 上海 天津 重庆 深圳 广州 广东 杭州 浙江 江苏 南京 苏州 无锡 常州 宁波 温州 绍兴 嘉兴 金华
  台州 厦门 福建 福州 泉州 山东 济南 青岛 烟台 安徽 合肥 湖北 武汉 湖南 长沙 四川 成都 陕西 西安 河南 郑州 河北
  石家庄 辽宁 沈阳 大连 吉林 长春 黑龙江 哈尔滨 云南 昆明 贵州 贵阳 广西 南宁 海南 海口 江西 南昌 山西 太原
  甘肃 兰州 新疆 西藏 内蒙古 宁夏 青海 东莞 佛山 珠海 惠州 中山 香港 澳门 台湾 台北 亚洲 东方 华东 华南 华北
`);

/** Administrative suffixes that may follow a Chinese place name (浙江省, 杭州市). */
export const CHINESE_PLACE_SUFFIXES = ['省', '市', '区', '县'] as const;

/** Spelling variants of generic words, folded to one form so "Technologies" matches "Technology". */
export const GENERIC_WORD_VARIANTS: ReadonlyMap<string, string> = new Map([
  ['technologies', 'technology'],
  ['tech', 'technology'],
  ['intl', 'international'],
  ['int', 'international'],
  ['communication', 'communications'],
  ['telecommunication', 'telecommunications'],
  ['electronic', 'electronics'],
  ['holding', 'holdings'],
  ['system', 'systems'],
  ['service', 'services'],
  ['solution', 'solutions'],
  ['industry', 'industries'],
  ['product', 'products'],
  ['enterprise', 'enterprises'],
  ['network', 'networks'],
  ['mfg', 'manufacturing'],
  ['comms', 'communications'],
  ['svcs', 'services'],
  ['hldgs', 'holdings'],
  ['inds', 'industries'],
  ['grp', 'group'],
  ['natl', 'national'],
  ['centre', 'center'],
]);
