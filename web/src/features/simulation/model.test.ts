import { describe, expect, it } from 'vitest';
import { changeLabel, parseScenarios, parseVolume, scenarioCsv, simulationExportQuery } from './model';

describe('the simulator page model', () => {
  it('reads the scenarios as people type them', () => {
    expect(parseScenarios('-10; 0; 10; 25; 50')).toEqual([-10, 0, 10, 25, 50]);
    expect(parseScenarios(' +25% ; −10 ')).toEqual([25, -10]);
    expect(parseScenarios('0')).toEqual([0]);
  });

  it('refuses what the API would refuse', () => {
    expect(parseScenarios('')).toBeNull();
    expect(parseScenarios('1;2;3;4;5;6;7;8;9')).toBeNull();
    expect(parseScenarios('-101')).toBeNull();
    expect(parseScenarios('501')).toBeNull();
    expect(parseScenarios('2,5')).toBeNull();
    expect(parseScenarios('tien')).toBeNull();
  });

  it('reads an expected volume in Dutch notation, and refuses anything else', () => {
    expect(parseVolume('1.250')).toBe(1250);
    expect(parseVolume(' 40 ')).toBe(40);
    expect(parseVolume('0')).toBe(0);
    expect(parseVolume('-1')).toBeNull();
    expect(parseVolume('2,5')).toBeNull();
    expect(parseVolume('')).toBeNull();
    expect(parseVolume('100.000.001')).toBeNull();
  });

  it('labels a change with its sign', () => {
    expect([25, -10, 0].map(changeLabel)).toEqual(['+25%', '−10%', '0%']);
  });

  it('exports the scenario table with totals per scenario, a formula-looking cell defused', () => {
    const csv = scenarioCsv(
      {
        scenario: 'Scenario',
        volume: 'Volume',
        exposure: 'Blootstelling',
        revenue: 'Ontvangst',
        unpaid: 'Onbetaald',
      },
      [
        {
          change: -10,
          exposureCents: 900_00,
          providerRevenueCents: 900_00,
          lines: [
            { volume: 5, unpaidVolume: 0 },
            { volume: 4, unpaidVolume: 1 },
          ],
        },
      ],
    );
    expect(csv).toBe('\uFEFFScenario,Volume,Blootstelling,Ontvangst,Onbetaald\r\n−10%,9,900.00,900.00,1\r\n');
  });

  it('asks the XLSX export for the scenarios and the own expected volumes shown', () => {
    expect(simulationExportQuery([-10, 0, 25], [])).toBe('?scenarios=-10%2C0%2C25');
    expect(
      simulationExportQuery(
        [0],
        [
          { lineId: 'jh-45a12', volume: 40 },
          { lineId: 'line-2', volume: 0 },
        ],
      ),
    ).toBe('?scenarios=0&volumes=jh-45a12%3A40%2Cline-2%3A0');
  });
});
