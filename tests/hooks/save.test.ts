// @vitest-environment happy-dom
/**
 * Saving the plan (lib/hooks/useCarePlanSave + usePlanner) against an in-memory EHR: build, validate,
 * one conditional create on the explicit confirmation, never a second CarePlan.
 */
import { act } from "react";
import { describe, expect, it } from "vitest";
import { CONFIRMATION_IDS, type Confirmations } from "@/lib/domain";
import { useCarePlanSave } from "@/lib/hooks/useCarePlanSave";
import { useClinicalView, useMme } from "@/lib/hooks/useClinicalView";
import { usePatient, usePatientData } from "@/lib/hooks/usePatientRecord";
import { usePlanner } from "@/lib/hooks/usePlanner";
import { addDays } from "@/lib/domain/dates";
import { MemoryTransport } from "./support/memory-transport";
import { renderHook, waitFor } from "./support/render-hook";
import { memorySession, scenarioRecord, TEST_DAY } from "./support/session";

const PATIENT = "otp-oxy-benzo";
const ALL_CONFIRMED: Confirmations = { checked: Object.fromEntries(CONFIRMATION_IDS.map((id) => [id, true])), followUpDate: addDays(TEST_DAY, 7) };

function useSave(transport: MemoryTransport) {
  const session = memorySession(PATIENT, transport);
  const data = usePatientData(session, new Date(`${TEST_DAY}T12:00:00Z`));
  const mme = useMme(data.medications, TEST_DAY);
  const patient = usePatient(session);
  const view = useClinicalView(data.record, mme, TEST_DAY, patient);
  return { session, view };
}

describe("useCarePlanSave", () => {
  it("writes one CarePlan on confirmation; confirming again or saving the same proposal again never creates a second", async () => {
    const transport = new MemoryTransport(scenarioRecord(PATIENT));
    const loader = await renderHook(() => useSave(transport));
    await waitFor(() => expect(loader.current().view).not.toBeNull());
    const { session, view } = loader.current();
    if (view === null) throw new Error("no view");

    const hook = await renderHook(() => {
      const planner = usePlanner(view, PATIENT, TEST_DAY);
      const plan = planner.outcome.ok ? planner.outcome.plan : null;
      return useCarePlanSave(session, view, plan, ALL_CONFIRMED);
    });
    const posts = () => transport.requests.filter((r) => r.method === "POST");

    await act(async () => hook.current().prepare());
    await waitFor(() => expect(hook.current().state.kind).toBe("confirming"));
    const confirming = hook.current().state;
    expect(confirming.kind === "confirming" ? confirming.problems : null).toEqual([]);
    expect(posts()).toEqual([]); // nothing is written before the confirmation

    await act(async () => hook.current().confirm());
    await waitFor(() => expect(hook.current().state.kind).toBe("saved"));
    expect(posts().length).toBe(1);
    expect(posts()[0]?.headers?.["if-none-exist"]).toMatch(/^identifier=urn%3Aietf%3Arfc%3A3986\|urn%3Auuid%3A|^identifier=urn:ietf:rfc:3986\|urn:uuid:/);
    await act(async () => hook.current().confirm()); // a second click after saving
    expect(posts().length).toBe(1);

    // the same proposal saved again (e.g. after a reload): conditional create finds it, no second CarePlan
    await act(async () => hook.current().prepare());
    await waitFor(() => expect(hook.current().state.kind).toBe("confirming"));
    await act(async () => hook.current().confirm());
    await waitFor(() => expect(hook.current().state.kind).toBe("saved"));
    expect(posts().length).toBe(2);
    expect(posts()[1]?.headers?.["if-none-exist"]).toBe(posts()[0]?.headers?.["if-none-exist"]);
    expect(transport.resources("CarePlan").filter((c) => JSON.stringify(c.subject).includes(PATIENT)).length).toBe(1);
    await hook.unmount();
    await loader.unmount();
  });

  it("one plan state: unsaved, then saved, then 'changed since saved' after an edit (issue 22)", async () => {
    const transport = new MemoryTransport(scenarioRecord(PATIENT));
    const loader = await renderHook(() => useSave(transport));
    await waitFor(() => expect(loader.current().view).not.toBeNull());
    const { session, view } = loader.current();
    if (view === null) throw new Error("no view");
    const hook = await renderHook(() => {
      const planner = usePlanner(view, PATIENT, TEST_DAY);
      const save = useCarePlanSave(session, view, planner.outcome.ok ? planner.outcome.plan : null, ALL_CONFIRMED);
      return { planner, save };
    });
    expect(hook.current().save.planState).toBe("unsaved");
    await act(async () => hook.current().save.prepare());
    await waitFor(() => expect(hook.current().save.state.kind).toBe("confirming"));
    await act(async () => hook.current().save.confirm());
    await waitFor(() => expect(hook.current().save.state.kind).toBe("saved"));
    expect(hook.current().save.planState).toBe("saved");
    const { planner } = hook.current();
    await act(async () => planner.setOptions({ ...planner.options, ratePercent: planner.options.ratePercent === 5 ? 4 : 5 }));
    await waitFor(() => expect(hook.current().save.planState).toBe("changed-since-saved"));
    await hook.unmount();
    await loader.unmount();
  });

  it("a failed write is reported with the reason and is not retried automatically", async () => {
    const transport = new MemoryTransport(scenarioRecord(PATIENT));
    const loader = await renderHook(() => useSave(transport));
    await waitFor(() => expect(loader.current().view).not.toBeNull());
    const { session, view } = loader.current();
    if (view === null) throw new Error("no view");
    const hook = await renderHook(() => {
      const planner = usePlanner(view, PATIENT, TEST_DAY);
      return useCarePlanSave(session, view, planner.outcome.ok ? planner.outcome.plan : null, ALL_CONFIRMED);
    });
    await act(async () => hook.current().prepare());
    await waitFor(() => expect(hook.current().state.kind).toBe("confirming"));
    transport.failWith("CarePlan", 500);
    await act(async () => hook.current().confirm());
    await waitFor(() => expect(hook.current().state.kind).toBe("failed"));
    const failed = hook.current().state;
    expect(failed.kind === "failed" ? failed.message : "").toMatch(/./);
    expect(failed.kind === "failed" ? failed.retryable : false).toBe(true);
    expect(transport.requests.filter((r) => r.method === "POST").length).toBe(1);
    await hook.unmount();
    await loader.unmount();
  });
});
