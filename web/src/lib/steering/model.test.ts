import { describe, expect, it } from 'vitest';
import { steeringAccess } from './model';

describe('steeringAccess', () => {
  const gr = { space: 'RGNOORDVELUWE', kind: 'joint_arrangement' };
  const ict = { space: 'RGNOORDVELUWE', kind: 'service_agreement' };
  it('gives the owner’s writers all of it, the region’s coordinator included', () => {
    expect(steeringAccess({ roles: ['coordinator'], space: 'RGNOORDVELUWE' }, gr)).toBe('all');
    expect(
      steeringAccess({ roles: ['inkoper'], space: 'GM0233' }, { space: 'GM0233', kind: 'contract' }),
    ).toBe('all');
  });
  it('gives a member’s writer its own row on the region’s GR, and nothing on another kind', () => {
    expect(steeringAccess({ roles: ['contractmanager'], space: 'GM0243' }, gr)).toBe('ownRow');
    expect(steeringAccess({ roles: ['contractmanager'], space: 'GM0243' }, ict)).toBe('none');
  });
  it('gives readers nothing', () => {
    expect(steeringAccess({ roles: ['viewer'], space: 'RGNOORDVELUWE' }, gr)).toBe('none');
    expect(steeringAccess(undefined, gr)).toBe('none');
  });
});
