/**
 * @module Traditional → simplified characters met in campaign plans and unit names (通用规范汉字表 pairs, a small
 * hand-picked subset; not a general converter). One character maps to one character, so offsets are kept.
 */

// Pairs "繁简" written back to back; grouped loosely by where they occur.
const PAIRS =
  // government, units, offices
  "區区縣县鄉乡鎮镇處处辦办機机關关門门廳厅衛卫應应運运輸输業业農农務务資资訊讯劃划規规發发員员會会財财" +
  "稅税設设國国齊齐黨党領领導导組组織织辦办單单參参與与牽牵頭头負负責责實实現现職职權权範范圍围總总體体長长" +
  "專专項项級级聯联係系繫系當当經经濟济興兴產产構构優优醫医療疗執执違违強强歸归屬属獎奖勵励監监檢检測测報报" +
  "計计畫画這这們们個个東东無无穩稳減减採采燒烧電电協协節节約约礦矿庫库廢废棄弃車车輛辆沖冲築筑綠绿線线轉转" +
  "併并並并過过隊队紀纪層层貫贯徹彻習习議议擴扩屆届歷历戶户號号證证許许馮冯龍龙豐丰難难還还決决題题問问嚴严" +
  "萬万億亿間间遠远錄录舉举營营濃浓眾众藍蓝鏈链灣湾島岛幹干乾干臺台餘余蘇苏濁浊純纯淨净潔洁顯显邊边際际觀观" +
  "則则價价償偿積积極极請请銀银類类續续維维盡尽確确標标達达準准時时開开後后於于為为將将對对進进動动質质點点" +
  "廠厂統统籌筹調调護护態态濕湿補补備备網网溝沟樣样預预險险隱隐係系連连結结級级類类環环堅坚戰战汙污" +
  "濱滨灘滩壩坝閘闸渦涡淺浅漲涨湧涌瀉泻溼湿氣气雜杂糞粪臭臭氮氮磷磷鹽盐銨铵氫氢氯氯氟氟氧氧" +
  "鄰邻綜综絡络紮扎紓纾續续緊紧縮缩總总績绩織织務务寫写講讲識识認认記记許许評评試试詳详語语說说" +
  "讓让設设論论諾诺謀谋謂谓變变貢贡買买賣卖費费資资質质購购賽赛贊赞趕赶跡迹車车軍军較较輕轻載载輔辅辦办" +
  "邊边遼辽鄭郑醫医釋释鐵铁鋼钢錯错鍵键長长門门閉闭開开問问閱阅隨随陽阳陰阴險险隸隶雙双雲云電电靈灵" +
  "順顺須须頒颁預预領领頻频題题顧顾風风飛飞養养館馆駐驻騰腾驗验體体髒脏鬥斗魚鱼鳥鸟鹼碱麥麦齡龄" +
  "從从復复徵征衝冲為为倉仓傳传偽伪僅仅億亿儲储兩两內内冊册剛刚創创劑剂劉刘勢势勞劳務务區区協协" +
  "厭厌縣县參参雙双發发啟启噸吨園园圖图團团壓压墾垦壞坏壤壤備备夠够夥伙奪夺奮奋婦妇媽妈嚴严" +
  "學学寧宁實实寶宝將将專专尋寻對对導导屆届層层嶺岭帶带幣币廣广廢废彈弹徑径態态惡恶慶庆憲宪懲惩" +
  "擔担據据擁拥擾扰數数歲岁滅灭漁渔潛潜熱热獨独獲获畢毕畝亩當当盤盘礎础禮礼稱称穩稳競竞" +
  "範范簡简糧粮紅红納纳紙纸細细終终組组結结給给絕绝統统繼继續续纖纤罰罚罷罢聯联聽听膽胆興兴舊旧" +
  "艱艰藥药蟲虫衛卫裝装製制複复襲袭覆覆見见規规視视親亲觸触計计訂订討讨訓训託托記记設设許许" +
  "竊窃篡篡竄窜衡衡鑒鉴鑑鉴";

const MAP = new Map<string, string>();
for (let i = 0; i + 1 < PAIRS.length; i += 2) if (PAIRS[i] !== PAIRS[i + 1]) MAP.set(PAIRS[i], PAIRS[i + 1]);

/**
 * Replaces the traditional characters of the table by their simplified forms; other characters pass through.
 * @example toSimplified("區農業農村局") // "区农业农村局"
 */
export function toSimplified(text: string): string {
  let out = "";
  for (const ch of text) out += MAP.get(ch) ?? ch;
  return out;
}
