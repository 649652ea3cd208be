/** The path as it may be logged: an iCal feed's secret is a credential and never leaves the function. */
export function loggablePath(path: string): string {
  return path.startsWith('/ical/') ? path.replace(/^(\/ical\/[^/]+\/).*$/, '$1***') : path;
}
