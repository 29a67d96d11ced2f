// Keeps the heap near its live size while an ingest runs. V8 lets a process that allocates fast and
// steadily grow its heap to several times what is live before it collects fully: on the KCNA
// corpus about 75 MB were live and the heap reached 275 MB, which alone set the command's peak
// RSS. A full collection whenever the used heap passes a ceiling bounds the peak for a few percent
// of the run time.
import v8 from "node:v8";
import vm from "node:vm";

let fullCollection: (() => void) | null | undefined;

/** V8's full collection, reached through a fresh context after exposing it; null if refused. */
function collector(): (() => void) | null {
  if (fullCollection === undefined) {
    try {
      v8.setFlagsFromString("--expose-gc");
      fullCollection = vm.runInNewContext("gc") as () => void;
    } catch {
      fullCollection = null;
    }
  }
  return fullCollection;
}

export class HeapCeiling {
  private ceiling: number;

  constructor(ceilingBytes: number) {
    this.ceiling = ceilingBytes;
  }

  /** Collects when the used heap is above the ceiling; cheap otherwise (call it once per batch). */
  check(): void {
    if (v8.getHeapStatistics().used_heap_size <= this.ceiling) return;
    const collect = collector();
    if (!collect) return;
    collect();
    // If that much is really live, collecting after every batch would only cost time: move up.
    const live = v8.getHeapStatistics().used_heap_size;
    if (live > this.ceiling * 0.7) this.ceiling = live * 2;
  }
}
