import { addDays, extendToWorkingDay } from './calendar.ts';

/**
 * The planning & control calendar of a gemeenschappelijke regeling for budget year Y, under the Wet
 * gemeenschappelijke regelingen as in force since 1 July 2022 (Stb. 2022, 18; DOMAIN.md §a).
 */
export interface WgrStep {
  key:
    | 'kaderbrief'
    | 'draftBudgetToCouncils'
    | 'councilOpinions'
    | 'budgetAdoption'
    | 'budgetToProvince'
    | 'provisionalAccountsToCouncils'
    | 'accountsAdoption'
    | 'accountsToProvince';
  date: string;
  /** The article the date comes from. */
  article: string;
  /** A rule the planned dates break, if any (e.g. the board adopts too late to meet 15 September). */
  warning?: string;
  /** The same warning as a code, for texts in every language (`params.year` is the year it names). */
  warningCode?: 'budget_adoption_late' | 'accounts_adoption_late';
}

export interface WgrPlan {
  /** The day the general board (AB) decides on the budget; default 1 July Y-1. */
  budgetAdoption?: string;
  /** The day the general board adopts the annual accounts; default 1 July Y+1. */
  accountsAdoption?: string;
}

const TWELVE_WEEKS = 84;
const TWO_WEEKS = 14;

export function wgrCalendar(year: number, plan: WgrPlan = {}): WgrStep[] {
  const before = year - 1;
  const after = year + 1;
  const budgetAdoption = plan.budgetAdoption ?? `${before}-07-01`;
  const accountsAdoption = plan.accountsAdoption ?? `${after}-07-01`;
  const budgetToProvinceLatest = `${before}-09-15`;
  const accountsToProvinceLatest = `${after}-07-15`;
  const budgetToProvince = minDate(addDays(budgetAdoption, TWO_WEEKS), budgetToProvinceLatest);
  const accountsToProvince = minDate(addDays(accountsAdoption, TWO_WEEKS), accountsToProvinceLatest);
  const steps: WgrStep[] = [
    { key: 'kaderbrief', date: `${before}-04-30`, article: 'Wgr art. 34b' },
    // The draft budget reaches the councils 12 weeks before the AB decides; their opinions are due by then.
    {
      key: 'draftBudgetToCouncils',
      date: addDays(budgetAdoption, -TWELVE_WEEKS),
      article: 'Wgr art. 35 lid 1',
    },
    { key: 'councilOpinions', date: addDays(budgetAdoption, -1), article: 'Wgr art. 35 lid 3' },
    { key: 'budgetAdoption', date: budgetAdoption, article: 'Wgr art. 34 lid 1' },
    { key: 'budgetToProvince', date: budgetToProvince, article: 'Wgr art. 34 lid 2' },
    { key: 'provisionalAccountsToCouncils', date: `${after}-04-30`, article: 'Wgr art. 34b' },
    { key: 'accountsAdoption', date: accountsAdoption, article: 'Wgr art. 34' },
    { key: 'accountsToProvince', date: accountsToProvince, article: 'Wgr art. 34' },
  ];
  if (budgetAdoption > budgetToProvinceLatest || budgetAdoption.slice(0, 4) !== String(before)) {
    const step = steps.find((s) => s.key === 'budgetAdoption')!;
    step.warning = `The budget must be adopted in ${before} and sent to Gedeputeerde Staten by 15 September ${before}`;
    step.warningCode = 'budget_adoption_late';
  }
  if (accountsAdoption > accountsToProvinceLatest) {
    const step = steps.find((s) => s.key === 'accountsAdoption')!;
    step.warning = `The annual accounts must reach Gedeputeerde Staten by 15 July ${after}`;
    step.warningCode = 'accounts_adoption_late';
  }
  return steps;
}

function minDate(a: string, b: string): string {
  return a < b ? a : b;
}

/**
 * Awb art. 4:60: a book-year subsidy is applied for at least 13 weeks before the book year starts; a
 * term that ends on a weekend or feestdag runs on to the next working day (Algemene termijnenwet art. 1).
 */
export function bookYearApplicationDeadline(year: number): string {
  return extendToWorkingDay(addDays(`${year}-01-01`, -91));
}
