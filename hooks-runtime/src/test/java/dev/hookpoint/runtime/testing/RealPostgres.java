package dev.hookpoint.runtime.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A throwaway PostgreSQL cluster for one test class, started before its tests and stopped after them:
 * {@code @RegisterExtension static final RealPostgres POSTGRES = new RealPostgres();}. A machine without
 * PostgreSQL's programs fails the class, saying what to install, rather than skipping it.
 */
public final class RealPostgres implements BeforeAllCallback, AfterAllCallback {

  private PostgresCluster cluster;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    assertTrue(PostgresCluster.available(), "PostgreSQL's initdb and pg_ctl, on the PATH or in "
        + "/usr/lib/postgresql/<version>/bin (apt-get install postgresql)");
    cluster = PostgresCluster.start();
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    if (cluster != null) {
      cluster.close();
      cluster = null;
    }
  }

  /** The running cluster. */
  public PostgresCluster cluster() {
    if (cluster == null) {
      throw new IllegalStateException("the cluster runs only while the test class does");
    }
    return cluster;
  }
}
