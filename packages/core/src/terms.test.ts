import { describe, expect, it } from 'vitest';
import { checkProductLines, type ProductLineInput } from './terms.ts';

const line = (over: Partial<ProductLineInput> = {}): ProductLineInput => ({
  category: '45',
  productCode: '45A12',
  variant: 'output',
  unit: 'piece',
  frequency: 'per_month',
  tariffCents: 98_500,
  ...over,
});

describe('checkProductLines', () => {
  it('accepts lines that fit the domain and their variant', () => {
    expect(checkProductLines('contract', 'youth', [line(), line({ productCode: '45A13' })])).toEqual([]);
  });

  it('treats a product code typed in another case as the same code', () => {
    const issues = checkProductLines('contract', 'youth', [line(), line({ productCode: '45a12' })]);
    expect(issues.map((i) => i.path)).toEqual(['productLines.1.productCode']);
  });

  it('names the category outside the domain, and lines on a kind or domain without them', () => {
    expect(checkProductLines('contract', 'wmo', [line()]).map((i) => i.path)).toEqual([
      'productLines.0.category',
    ]);
    expect(checkProductLines('subsidy', 'youth', [line()]).map((i) => i.path)).toEqual(['productLines']);
  });
});
