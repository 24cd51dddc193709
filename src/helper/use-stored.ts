import { useEffect, useState } from 'preact/hooks';

/**
 * A stored value, loaded once and loaded again whenever storage says it changed (the background
 * wrote, another window or device saved). undefined until the first load. A failed load keeps
 * what is shown: a cache or a log that cannot be read must not disturb the helper.
 *
 * `load` and `watch` are module-level functions from src/platform, so the effect runs once.
 */
export function useStored<T>(
  load: () => Promise<T>,
  watch: (onChange: () => void) => () => void,
): T | undefined {
  const [value, setValue] = useState<T>();
  useEffect(() => {
    let live = true;
    const reload = () =>
      void load()
        .then((next) => live && setValue(() => next))
        .catch(() => {});
    reload();
    const stop = watch(reload);
    return () => {
      live = false;
      stop();
    };
  }, [load, watch]);
  return value;
}
