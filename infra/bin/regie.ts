import { App } from 'aws-cdk-lib';
import { stageConfig } from '../lib/config.ts';
import { featureFlags } from '../lib/feature-flags.ts';
import { addNagChecks, defineRegie } from '../lib/regie-app.ts';

const app = new App({ context: { ...featureFlags } });
defineRegie(app, stageConfig());
addNagChecks(app);
app.synth();
