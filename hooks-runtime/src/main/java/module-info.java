/**
 * Hookpoint's runtime. The exported packages are the whole public surface, as {@code docs/architecture.md} sets it
 * out: what hosts use, what generated code compiles against, and what a host may supply itself. Every other
 * package is the runtime's own, however public its types are to each other.
 */
module dev.hookpoint.runtime {
  requires com.fasterxml.jackson.databind;
  /** Durable background delivery: db-scheduler, an automatic module (its Automatic-Module-Name). */
  requires com.github.kagkarlsson.scheduler;
  requires com.fasterxml.jackson.dataformat.yaml;
  requires dev.hookpoint.luaj;
  requires java.management;
  /** Exported: the stores take a host's {@code javax.sql.DataSource}. */
  requires transitive java.sql;
  requires jdk.management;
  requires org.apache.httpcomponents.client5.httpclient5;
  requires org.apache.httpcomponents.core5.httpcore5;
  requires org.slf4j;
  /** The embedded default store (a real module: org.xerial.sqlitejdbc). */
  requires org.xerial.sqlitejdbc;

  /** What hosts use: the runtime and its builder, contexts, vetoes, the installed hooks, the operator tools. */
  exports dev.hookpoint.runtime;
  /** What generated code compiles against. */
  exports dev.hookpoint.runtime.contract;
  /** What a host supplies or reads: the configuration, */
  exports dev.hookpoint.runtime.config;
  /** the run history and its stores, */
  exports dev.hookpoint.runtime.history;
  /** and, to add an executor, the executor seam. */
  exports dev.hookpoint.runtime.executor;

  uses dev.hookpoint.runtime.contract.HookCatalog;
}
