/**
 * Throws a TypeError naming the client factory unless `region` looks like a region name: lower-case words and
 * digits joined by `-` (`ap-singapore`, `us-east-1`). Regions the spec does not list are accepted.
 * @internal Shared by the clients.
 */
export function checkRegion(region: unknown, factory: string): void {
  if (typeof region !== "string" || !/^[a-z]+(-[a-z0-9]+)+$/.test(region))
    throw new TypeError(
      `${factory}: region ${JSON.stringify(region)} is not a region name (e.g. ap-singapore)`,
    );
}
