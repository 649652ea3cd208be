import type { nlRegions } from './regions';

/**
 * English texts of a region's allocation key and the regions page. Loaded with the English language
 * (english.ts), not in the first load.
 */
export const enRegions: typeof nlRegions = {
  allocation: {
    method: 'Allocation key',
    referenceDate: 'Reference date',
    source: 'Source',
    base: 'Fixed base',
    referenceDateText: 'reference date {{date}}',
    sourceText: 'source: {{source}}',
    baseText: 'fixed base {{base}}',
    noKey: 'No allocation key has been recorded for this agreement.',
    noCeiling: 'Without a ceiling there are no amounts to allocate.',
    caption: 'Each member’s share of the ceiling',
    member: 'Member',
    weight: 'Weight',
    share: 'Share',
    total: 'Total',
    yours: '(your municipality)',
    inhabitants_one: '{{value}} inhabitant',
    inhabitants_other: '{{value}} inhabitants',
    units_one: '{{value}} unit',
    units_other: '{{value}} units',
  },
  regions: {
    title: 'Regions',
    intro:
      'The regions your municipality works in, with their shared agreements and each member’s share under the allocation key.',
    none: 'Your organisation does not work in a region.',
    loading: 'Loading the region’s agreements…',
    error: 'The agreements of this region could not be loaded.',
    members: 'Members:',
    empty: 'This region has no agreements yet.',
    caption: 'Agreements of {{region}} and each member’s share',
    yourShare: 'Your share',
    noKey: 'no allocation key',
    toRegister: 'All agreements of {{region}} in the register',
    more: 'There are more agreements: see all agreements of {{region}} in the register',
  },
};
