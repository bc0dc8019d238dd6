/**
 * A worker thread of the `mme` command (`--workers N`): receives batches of patients, runs
 * them with the same JobRunner as one worker would (cli/mme/job.ts), posts the results back.
 * Everything it needs (input file paths, the Medication index, settings, input problems)
 * comes in `workerData`; it reads the lines it is given from the files itself.
 */
import { parentPort, workerData } from "node:worker_threads";
import { JobRunner, type Job, type JobSetup } from "./job";
import { isBatchRequest, isJobSetup } from "./protocol";

function start(setup: JobSetup): void {
  const port = parentPort;
  if (port === null) throw new Error("cli/mme/worker.ts runs only as a worker thread");
  const runner = new JobRunner(setup);
  port.on("message", (message: unknown) => {
    if (!isBatchRequest(message)) {
      port.postMessage({ id: -1, error: "unexpected message" });
      return;
    }
    const jobs: Job[] = message.jobs;
    runner.run(jobs).then(
      (results) => port.postMessage({ id: message.id, results }),
      (e: unknown) => port.postMessage({ id: message.id, error: e instanceof Error ? e.message : String(e) }),
    );
  });
}

const data: unknown = workerData;
if (!isJobSetup(data)) throw new Error("cli/mme/worker.ts: unexpected workerData");
start(data);
