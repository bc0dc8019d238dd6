/**
 * Runs batches of patients for the `mme` command: in this thread (`--workers 1`) or on N
 * worker threads (cli/mme/worker.ts). Each batch resolves to its results in the order of its
 * patients; the caller keeps batches in input order, so the output is the same for any N.
 */
import { Worker } from "node:worker_threads";
import { fileURLToPath } from "node:url";
import { JobRunner, type Job, type JobResult, type JobSetup } from "./job";
import { isBatchResponse } from "./protocol";

export interface BatchRunner {
  run(jobs: Job[]): Promise<JobResult[]>;
  close(): Promise<void>;
}

export function inThisThread(setup: JobSetup): BatchRunner {
  const runner = new JobRunner(setup);
  return {
    run: (jobs) => runner.run(jobs),
    close: async () => runner.close(),
  };
}

/** A worker on cli/mme/worker.ts; under tsx (the `npm run mme` script), the worker loads tsx first. */
function spawn(setup: JobSetup): Worker {
  const file = fileURLToPath(new URL("./worker.ts", import.meta.url));
  const isTypeScript = import.meta.url.endsWith(".ts");
  return isTypeScript
    ? new Worker(`require("tsx/cjs"); require(${JSON.stringify(file)});`, { eval: true, workerData: setup })
    : new Worker(file.replace(/\.ts$/, ".js"), { workerData: setup });
}

interface Pending {
  jobs: Job[];
  resolve: (results: JobResult[]) => void;
  reject: (e: Error) => void;
}

export function workerPool(setup: JobSetup, size: number): BatchRunner {
  const idle: Worker[] = [];
  const queue: Pending[] = [];
  const running = new Map<Worker, Pending>();
  let failure: Error | null = null;

  const next = (w: Worker): void => {
    const task = queue.shift();
    if (task === undefined) {
      idle.push(w);
      return;
    }
    running.set(w, task);
    w.postMessage({ id: 0, jobs: task.jobs });
  };
  const fail = (e: Error): void => {
    failure ??= e;
    const stopped = failure;
    for (const task of [...running.values(), ...queue.splice(0)]) task.reject(stopped);
    running.clear();
  };
  const workers = Array.from({ length: size }, () => {
    const w = spawn(setup);
    w.on("message", (message: unknown) => {
      const task = running.get(w);
      running.delete(w);
      if (task === undefined) return;
      if (!isBatchResponse(message)) task.reject(new Error("a worker sent an unexpected message"));
      else if ("error" in message) task.reject(new Error(message.error));
      else task.resolve(message.results);
      if (failure === null) next(w);
    });
    w.on("error", (e) => fail(e));
    w.on("exit", (code) => {
      if (code !== 0 || running.has(w)) fail(new Error(`a worker stopped (exit ${code})`));
    });
    return w;
  });
  idle.push(...workers);

  return {
    run: (jobs) =>
      new Promise<JobResult[]>((resolve, reject) => {
        if (failure !== null) {
          reject(failure);
          return;
        }
        queue.push({ jobs, resolve, reject });
        const w = idle.pop();
        if (w !== undefined) next(w);
      }),
    close: async () => {
      failure ??= new Error("closed");
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
