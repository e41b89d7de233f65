import { toSimplifiedChinese } from './chinese-variants.js';
import { buildLabelledSet } from './labelled-set.js';
import { legalFormOf, nameTokens, normaliseName } from './normalise.js';

describe('normaliseName', () => {
  it.each([
    // case, punctuation, whitespace
    ['  ACME   Widgets,  ', 'acme widgets'],
    ['Acme-Widgets/Parts', 'acme widgets parts'],
    ["O'Brien Holdings", 'obrien holdings'],
    ['Smith & Jones', 'smith and jones'],
    ['The Coca-Cola Company', 'coca cola'],
    // diacritics and letters NFKD does not decompose
    ['Nestlé', 'nestle'],
    ['Müller Søhne Łódź', 'muller sohne lodz'],
    ['Straße', 'strasse'],
    ['ＡＢＣ　Ｔｒａｄｉｎｇ', 'abc trading'],
    // spelling variants of generic words
    ['Huawei Technologies', 'huawei technology'],
    ['Acme Intl', 'acme international'],
    // dotted abbreviations are joined, so acronyms compare with or without dots
    ['U.S.A. Widgets', 'usa widgets'],
    ['E.ON', 'eon'],
  ])('%j → %j', (raw, expected) => {
    expect(normaliseName(raw)).toBe(expected);
  });

  it.each([
    ['Acme Ltd', 'ltd'],
    ['Acme Ltd.', 'ltd'],
    ['Acme Limited', 'limited'],
    ['Acme plc', 'plc'],
    ['Acme PLC', 'plc'],
    ['Acme LLC', 'llc'],
    ['Acme L.L.C.', 'llc'],
    ['Acme Inc.', 'inc'],
    ['Acme Incorporated', 'incorporated'],
    ['Acme Corp.', 'corp'],
    ['Acme Corporation', 'corporation'],
    ['Acme Co.', 'co'],
    ['Acme Company', 'company'],
    ['Acme Co., Ltd.', 'co ltd'],
    ['Acme Company Limited', 'company limited'],
    ['Acme GmbH', 'gmbh'],
    ['Acme GmbH & Co. KG', 'gmbh co kg'],
    ['Acme AG', 'ag'],
    ['Acme S.A.', 'sa'],
    ['Acme SA', 'sa'],
    ['Acme SAS', 'sas'],
    ['Acme S.p.A.', 'spa'],
    ['Acme SpA', 'spa'],
    ['Acme B.V.', 'bv'],
    ['Acme BV', 'bv'],
    ['Acme N.V.', 'nv'],
    ['Acme Oy', 'oy'],
    ['Acme AB', 'ab'],
    ['Acme AS', 'as'],
    ['Acme A/S', 'as'],
    ['Acme Pty Ltd', 'pty ltd'],
    ['Acme LLP', 'llp'],
    ['Acme LP', 'lp'],
    ['Acme K.K.', 'kk'],
    ['Acme Sp. z o.o.', 'sp z oo'],
    ['Acme Private Limited', 'private limited'],
    ['PT Acme Tbk', 'pt tbk'],
    ['OOO Acme', 'ooo'],
    ['Acme A.Ş.', 'as'],
  ])('strips the legal form of %j', (raw, legalForm) => {
    expect(normaliseName(raw)).toBe('acme');
    expect(legalFormOf(raw)).toBe(legalForm);
  });

  it.each([
    ['株式会社東芝', '东芝', '株式会社'],
    ['ソニーグループ株式会社', 'ソニーグループ', '株式会社'],
    ['삼성전자 주식회사', '삼성전자', '주식회사'],
    ['华为技术有限公司', '华为 技术', '有限公司'],
    ['中兴通讯股份有限公司', '中兴 通讯', '股份有限公司'],
    ['某某科技有限责任公司', '某某 科技', '有限责任公司'],
  ])('strips the CJK legal form of %j', (raw, expected, legalForm) => {
    expect(normaliseName(raw)).toBe(expected);
    expect(legalFormOf(raw)).toBe(legalForm);
  });

  it('is idempotent, so normalised names stored by the database can be normalised again', () => {
    const set = buildLabelledSet({ syntheticListedCount: 300, positiveCount: 300, negativeCount: 300 });
    const names = [
      ...set.listed.flatMap((entity) => [entity.name, ...entity.aliases]),
      ...set.queries.map((q) => q.query.name),
    ];

    const changed = names.filter((name) => normaliseName(normaliseName(name)) !== normaliseName(name));

    expect(changed).toEqual([]);
  });

  it('gives an empty name for text without letters or digits', () => {
    expect(normaliseName('')).toBe('');
    expect(normaliseName(' !!! – ')).toBe('');
  });

  it('keeps a legal form that is the whole name, and has no legal form to report for plain names', () => {
    expect(normaliseName('Company')).toBe('company');
    expect(legalFormOf('Company')).toBeNull();
    expect(legalFormOf('Hikvision')).toBeNull();
  });

  it('strips legal forms only at the ends of a name', () => {
    expect(normaliseName('Co-operative Bank')).toBe('co operative bank');
    expect(normaliseName('AB Foods International Ltd')).toBe('ab foods international');
  });

  it.each([
    // Chinese names are segmented into place | core | sector words, never romanised.
    ['杭州海康威视数字技术股份有限公司', '杭州 海康威视 数字 技术'],
    ['浙江大华技术股份有限公司', '浙江 大华 技术'],
    ['中国电子科技集团有限公司', '中国 电子 科技 集团'],
    ['中国移动通信集团有限公司', '中国 移动 通信 集团'],
    ['中电海康集团有限公司', '中电海康 集团'],
    ['海能达通信股份有限公司', '海能达 通信'],
    ['杭州市海康威视', '杭州市 海康威视'],
    ['Hikvision海康威视', 'hikvision 海康威视'],
  ])('segments the Chinese name %j', (raw, expected) => {
    expect(normaliseName(raw)).toBe(expected);
  });

  it.each([
    ['華為技術有限公司', '华为技术有限公司'],
    ['中興通訊股份有限公司', '中兴通讯股份有限公司'],
    ['杭州海康威視數字技術股份有限公司', '杭州海康威视数字技术股份有限公司'],
    ['海能達通信股份有限公司', '海能达通信股份有限公司'],
    ['中國電子科技集團有限公司', '中国电子科技集团有限公司'],
    ['中國移動通信集團有限公司', '中国移动通信集团有限公司'],
    ['廣東東莞電器實業發展有限公司', '广东东莞电器实业发展有限公司'],
  ])('normalises Traditional %j like Simplified %j', (traditional, simplified) => {
    expect(normaliseName(traditional)).toBe(normaliseName(simplified));
  });

  it('converts Traditional characters common in company names to Simplified', () => {
    expect(
      toSimplifiedChinese('華為電國達訊義團視聯發業興動億網體術數開關門東廣資產務際無線機設備製衛軍學實種'),
    ).toBe('华为电国达讯义团视联发业兴动亿网体术数开关门东广资产务际无线机设备制卫军学实种');
    expect(toSimplifiedChinese('海康 Hikvision')).toBe('海康 Hikvision');
  });
});

describe('nameTokens', () => {
  it('splits a normalised name into its tokens', () => {
    expect(nameTokens(normaliseName('Hangzhou Hikvision Digital Technology Co., Ltd.'))).toEqual([
      'hangzhou',
      'hikvision',
      'digital',
      'technology',
    ]);
    expect(nameTokens(normaliseName('浙江大华技术股份有限公司'))).toEqual(['浙江', '大华', '技术']);
    expect(nameTokens('')).toEqual([]);
  });
});
