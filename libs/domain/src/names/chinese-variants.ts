// Traditional → Simplified Chinese for the characters that occur in company names, so that
// 華為技術有限公司 and 华为技术有限公司 normalise to the same text. A curated subset (not a full
// converter): one-to-one mappings only; characters whose simplification depends on the word
// (乾, 著, 於...) are left out so that no name is damaged.

// Each entry is a Traditional character followed by its Simplified form.
const VARIANT_PAIRS: readonly string[] = [
  '華华 為为 電电 國国 達达 訊讯 義义 團团 視视 聯联 發发 業业 興兴 動动 億亿 網网 體体 術术 數数 開开 關关 門门 東东 廣广',
  '資资 產产 務务 際际 無无 線线 機机 設设 備备 製制 衛卫 軍军 學学 實实 種种 亞亚 壓压 愛爱 礙碍 襖袄 罷罢 擺摆 敗败 頒颁',
  '辦办 幫帮 綁绑 寶宝 飽饱 報报 貝贝 輩辈 筆笔 畢毕 幣币 閉闭 邊边 編编 變变 標标 錶表 別别 賓宾 餅饼 撥拨 補补 財财 參参',
  '蠶蚕 倉仓 艙舱 層层 長长 場场 廠厂 暢畅 車车 徹彻 塵尘 陳陈 稱称 誠诚 遲迟 齒齿 衝冲 蟲虫 醜丑 儲储 處处 觸触 傳传 創创',
  '純纯 詞词 從从 聰聪 叢丛 湊凑 竄窜 帶带 貸贷 單单 擔担 膽胆 當当 黨党 導导 燈灯 鄧邓 敵敌 遞递 點点 調调 釘钉 頂顶 訂订',
  '凍冻 鬥斗 獨独 讀读 隊队 對对 噸吨 奪夺 鵝鹅 額额 兒儿 爾尔 餌饵 罰罚 閥阀 範范 飯饭 紡纺 飛飞 廢废 費费 紛纷 墳坟 奮奋',
  '憤愤 豐丰 風风 鳳凤 膚肤 婦妇 復复 負负 該该 蓋盖 幹干 趕赶 剛刚 鋼钢 崗岗 綱纲 個个 給给 貢贡 溝沟 構构 購购 夠够 顧顾',
  '颳刮 觀观 館馆 貫贯 規规 歸归 櫃柜 貴贵 過过 漢汉 號号 閡阂 後后 護护 滬沪 劃划 畫画 話话 懷怀 壞坏 歡欢 環环 換换 黃黄',
  '揮挥 輝辉 匯汇 會会 穢秽 繪绘 獲获 貨货 禍祸 擊击 積积 饑饥 極极 幾几 劑剂 濟济 繼继 價价 駕驾 堅坚 監监 撿捡 檢检 簡简',
  '見见 艦舰 鍵键 薦荐 將将 獎奖 講讲 醬酱 膠胶 階阶 節节 潔洁 結结 屆届 緊紧 錦锦 僅仅 盡尽 進进 燼烬 莖茎 經经 驚惊 鏡镜',
  '競竞 淨净 糾纠 舊旧 舉举 據据 劇剧 懼惧 捲卷 絕绝 覺觉 凱凯 殼壳 課课 懇恳 墾垦 庫库 誇夸 塊块 寬宽 礦矿 虧亏 擴扩 闊阔',
  '蠟蜡 來来 賴赖 蘭兰 攔拦 欄栏 藍蓝 籃篮 覽览 懶懒 爛烂 勞劳 樂乐 類类 壘垒 淚泪 離离 裏里 禮礼 麗丽 厲厉 勵励 歷历 曆历',
  '連连 憐怜 簾帘 煉炼 練练 糧粮 兩两 輛辆 諒谅 療疗 遼辽 獵猎 鄰邻 臨临 靈灵 齡龄 嶺岭 領领 劉刘 龍龙 樓楼 爐炉 盧卢 滷卤',
  '陸陆 錄录 鹵卤 驢驴 侶侣 屢屡 慮虑 濾滤 綠绿 亂乱 論论 羅罗 蘿萝 邏逻 鑼锣 駱骆 媽妈 馬马 瑪玛 罵骂 買买 麥麦 賣卖 邁迈',
  '饅馒 滿满 貓猫 貿贸 麼么 沒没 鎂镁 悶闷 們们 夢梦 彌弥 謎谜 綿绵 滅灭 閩闽 鳴鸣 銘铭 謀谋 畝亩 納纳 難难 鬧闹 內内 擬拟',
  '釀酿 鳥鸟 聶聂 寧宁 濃浓 農农 諾诺 歐欧 毆殴 盤盘 龐庞 賠赔 噴喷 鵬鹏 騙骗 飄飘 頻频 貧贫 蘋苹 憑凭 評评 潑泼 撲扑 僕仆',
  '樸朴 譜谱 齊齐 騎骑 豈岂 啟启 氣气 棄弃 遷迁 簽签 錢钱 潛潜 淺浅 槍枪 牆墙 搶抢 橋桥 僑侨 輕轻 傾倾 頃顷 請请 慶庆 窮穷',
  '區区 驅驱 趨趋 權权 勸劝 確确 讓让 饒饶 擾扰 熱热 認认 榮荣 軟软 銳锐 潤润 灑洒 賽赛 傘伞 喪丧 掃扫 澀涩 殺杀 紗纱 曬晒',
  '傷伤 賞赏 燒烧 紹绍 攝摄 審审 滲渗 聲声 繩绳 勝胜 聖圣 師师 時时 識识 勢势 適适 釋释 飾饰 試试 壽寿 獸兽 書书 輸输 屬属',
  '樹树 帥帅 雙双 誰谁 稅税 順顺 說说 絲丝 鬆松 聳耸 訟讼 頌颂 蘇苏 訴诉 肅肃 雖虽 隨随 歲岁 孫孙 損损 筍笋 縮缩 瑣琐 鎖锁',
  '臺台 態态 攤摊 灘滩 談谈 譚谭 壇坛 歎叹 湯汤 燙烫 濤涛 討讨 騰腾 題题 屜屉 條条 貼贴 鐵铁 廳厅 聽听 頭头 圖图 塗涂 頹颓',
  '脫脱 駝驼 橢椭 襪袜 灣湾 頑顽 萬万 韋韦 違违 圍围 維维 偉伟 謂谓 聞闻 穩稳 問问 窩窝 臥卧 烏乌 嗚呜 霧雾 誤误 錫锡 犧牺',
  '習习 係系 戲戏 細细 蝦虾 峽峡 狹狭 廈厦 嚇吓 鮮鲜 閒闲 賢贤 險险 顯显 縣县 現现 憲宪 餡馅 鄉乡 詳详 響响 項项 蕭萧 銷销',
  '曉晓 嘯啸 協协 脅胁 寫写 謝谢 鋅锌 選选 尋寻 訓训 詢询 遜逊 鴉鸦 啞哑 訝讶 煙烟 鹽盐 嚴严 顏颜 驗验 陽阳 養养 樣样 楊杨',
  '瑤瑶 搖摇 遙遥 謠谣 藥药 爺爷 頁页 葉叶 醫医 儀仪 遺遗 藝艺 憶忆 議议 譯译 異异 蔭荫 陰阴 銀银 飲饮 隱隐 嬰婴 應应 鷹鹰',
  '營营 螢萤 贏赢 穎颖 擁拥 傭佣 憂忧 郵邮 優优 猶犹 遊游 魚鱼 漁渔 與与 語语 嶼屿 預预 禦御 閾阈 譽誉 園园 圓圆 員员 緣缘',
  '遠远 願愿 約约 躍跃 閱阅 雲云 運运 醞酝 雜杂 災灾 載载 贊赞 暫暂 贓赃 髒脏 鑿凿 棗枣 責责 擇择 澤泽 賊贼 贈赠 紮扎 閘闸',
  '詐诈 齋斋 債债 氈毡 盞盏 斬斩 嶄崭 棧栈 戰战 綻绽 張张 漲涨 帳帐 賬账 脹胀 趙赵 這这 針针 偵侦 診诊 陣阵 鎮镇 爭争 徵征',
  '掙挣 睜睁 證证 鄭郑 幟帜 職职 執执 紙纸 擲掷 質质 鐘钟 終终 眾众 週周 軸轴 皺皱 晝昼 豬猪 諸诸 燭烛 矚瞩 囑嘱 築筑 鑄铸',
  '專专 磚砖 轉转 賺赚 樁桩 莊庄 裝装 壯壮 狀状 準准 濁浊 漬渍 綜综 總总 縱纵 鄒邹 組组 鑽钻 銓铨 鈞钧 鋒锋 瑩莹 煒炜 暉晖',
  '燁烨 曄晔 鴻鸿 璽玺 瓏珑 瑋玮 琿珲 瀾澜 濱滨 滙汇 島岛 雞鸡 鴨鸭 腦脑 絡络 纜缆 纖纤 測测 輪轮 溫温 揚扬 濰潍 瀋沈 魯鲁',
  '陝陕 諮咨 計计 碼码 娛娱 鋰锂 織织 託托 賃赁',
];

function buildVariantMaps(): {
  toSimplified: ReadonlyMap<string, string>;
  toTraditional: ReadonlyMap<string, string>;
} {
  const toSimplified = new Map<string, string>();
  const toTraditional = new Map<string, string>();
  for (const pair of VARIANT_PAIRS.join(' ').split(' ')) {
    const [traditional, simplified] = Array.from(pair);
    toSimplified.set(traditional, simplified);
    // Several Traditional characters can share one Simplified form; the first listed wins.
    if (!toTraditional.has(simplified)) toTraditional.set(simplified, traditional);
  }
  return { toSimplified, toTraditional };
}

const VARIANTS = buildVariantMaps();

/** Number of Traditional characters the map covers. */
export const TRADITIONAL_VARIANT_COUNT = VARIANTS.toSimplified.size;

const HAN_CHARACTER = /\p{Script=Han}/u;

function mapHanCharacters(text: string, map: ReadonlyMap<string, string>): string {
  if (!HAN_CHARACTER.test(text)) return text;
  let out = '';
  for (const ch of text) out += map.get(ch) ?? ch;
  return out;
}

export function toSimplifiedChinese(text: string): string {
  return mapHanCharacters(text, VARIANTS.toSimplified);
}

/** The reverse mapping, used to generate Traditional-script test queries. */
export function toTraditionalChinese(text: string): string {
  return mapHanCharacters(text, VARIANTS.toTraditional);
}
