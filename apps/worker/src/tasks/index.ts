import type { TaskList } from "graphile-worker";

/**
 * Every job the worker knows, one file per task. Tasks parse their payload first and call a
 * service or the engine; they hold no logic of their own.
 */
export const taskList: TaskList = {};
