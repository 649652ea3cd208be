import { isolationMatrix } from '../support/isolation.ts';

// Shard 1 of the isolation matrix: every procedure × a third of the seed users (test/support/isolation.ts).
isolationMatrix(1);
