import { App } from 'aws-cdk-lib';
import { devConfig } from './lib/config.ts';
import { featureFlags } from './lib/feature-flags.ts';
import { addNagChecks, defineRegie } from './lib/regie-app.ts';
const app = new App({ outdir: '/tmp/regie-probe/out', context: { ...featureFlags, 'aws:cdk:bundling-stacks': [], '@aws-cdk/core:failSynthOnValidationErrors': false } });
const c = devConfig();
defineRegie(app, { ...c, api: { ...c.api, entry: '/work/main/infra/probe-handler.tmp.ts' }, web: { assetsPath: process.env.WEBDIR } });
addNagChecks(app);
app.synth();
