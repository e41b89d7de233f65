// Listed entities from the project's seed facts (shared/reference/FACTS.md), used as the real part of
// the labelled evaluation set; the seed dataset itself is loaded elsewhere.
import type { MatchCandidate } from './match-types.js';

export const SEED_LISTED_ENTITIES: readonly MatchCandidate[] = [
  {
    entityId: 'seed-hikvision',
    name: 'Hangzhou Hikvision Digital Technology Co., Ltd.',
    aliases: ['Hikvision', '杭州海康威视数字技术股份有限公司'],
    country: 'CN',
    identifiers: [{ scheme: 'SZSE', id: '002415' }],
  },
  {
    entityId: 'seed-cethik',
    name: 'China Electronics Technology HIK Group Co., Ltd.',
    aliases: ['CETHIK', '中电海康集团有限公司'],
    country: 'CN',
    identifiers: [],
  },
  {
    entityId: 'seed-cetc',
    name: 'China Electronics Technology Group Corporation',
    aliases: ['CETC', '中国电子科技集团有限公司'],
    country: 'CN',
    identifiers: [],
  },
  {
    entityId: 'seed-dahua',
    name: 'Zhejiang Dahua Technology Co., Ltd.',
    aliases: ['Dahua', '浙江大华技术股份有限公司'],
    country: 'CN',
    identifiers: [{ scheme: 'SZSE', id: '002236' }],
  },
  {
    entityId: 'seed-china-mobile',
    name: 'China Mobile Communications Group Co., Ltd.',
    aliases: ['China Mobile', '中国移动通信集团有限公司'],
    country: 'CN',
    identifiers: [],
  },
  {
    entityId: 'seed-huawei',
    name: 'Huawei Technologies Co., Ltd.',
    aliases: ['Huawei', '华为技术有限公司'],
    country: 'CN',
    identifiers: [],
  },
  {
    entityId: 'seed-zte',
    name: 'ZTE Corporation',
    aliases: ['中兴通讯股份有限公司'],
    country: 'CN',
    identifiers: [
      { scheme: 'SZSE', id: '000063' },
      { scheme: 'HKEX', id: '0763' },
    ],
  },
  {
    entityId: 'seed-hytera',
    name: 'Hytera Communications Corporation Limited',
    aliases: ['海能达通信股份有限公司'],
    country: 'CN',
    identifiers: [{ scheme: 'SZSE', id: '002583' }],
  },
];

/**
 * Real companies that are easy to confuse with the seed entities but are not them, as
 * [query name, country, the seed entity it resembles].
 */
export const SEED_NEAR_MISSES: readonly (readonly [string, string, string])[] = [
  ['China Electronics Corporation', 'CN', 'seed-cetc'],
  ['China Telecom Corporation Limited', 'CN', 'seed-china-mobile'],
  ['China Unicom (Hong Kong) Limited', 'HK', 'seed-china-mobile'],
  ['Zhejiang Uniview Technologies Co., Ltd.', 'CN', 'seed-dahua'],
  ['大华银行有限公司', 'SG', 'seed-dahua'],
  ['Huaxin Cement Co., Ltd.', 'CN', 'seed-huawei'],
  ['华夏银行股份有限公司', 'CN', 'seed-huawei'],
  ['中兴商业有限公司', 'CN', 'seed-zte'],
  ['Hytech Communications Ltd', 'GB', 'seed-hytera'],
  ['Hikari Vision Ltd', 'JP', 'seed-hikvision'],
  ['Dahlia Technology Co., Ltd.', 'TW', 'seed-dahua'],
  ['China Mobile Games and Entertainment Group', 'CN', 'seed-china-mobile'],
];
