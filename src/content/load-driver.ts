import { ext } from '../platform/ext';
import type * as DriverModule from './driver-module';

export type Driver = typeof DriverModule;

let loading: Promise<Driver> | undefined;

/**
 * The driver (driver-module.ts), built as its own file, `driver.js`, and imported the first time
 * a run, capture or page report needs it. It is a web-accessible resource only so that this
 * content script may import it; in Chrome its URL is the session's dynamic one, so a page cannot
 * probe for it. A failed load is not cached, so the next request tries again.
 */
export function loadDriver(): Promise<Driver> {
  loading ??= (import(/* @vite-ignore */ ext.runtime.getURL('driver.js')) as Promise<Driver>).catch(
    (error) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}
