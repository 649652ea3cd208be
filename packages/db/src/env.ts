/**
 * The one place packages/db reads the environment (biome.json `noProcessEnv`): the region the AWS runtime names
 * (Lambda sets AWS_REGION), read when a client is made, as the SDK's own region provider would.
 */
export function runtimeRegion(): string | undefined {
  return process.env.AWS_REGION;
}
