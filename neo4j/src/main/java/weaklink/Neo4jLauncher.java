/*
 * Runs an embedded Neo4j Community 5.26 with Bolt on 127.0.0.1, for development and tests
 * without Docker. Prints exactly one line `bolt://127.0.0.1:PORT` on stdout once Bolt accepts
 * connections, then `ready`; everything else goes to stderr (and DATA/logs/debug.log).
 * Stops cleanly on SIGINT/SIGTERM, and when stdin closes if given --exit-on-stdin-close (so
 * a parent that dies never leaves an orphan database).
 *
 *   java -cp 'neo4j/target/classes:neo4j/target/lib/*' weaklink.Neo4jLauncher \
 *        [--data DIR (default .neo4j/data)] [--port N (default 7687; 0 = any free port)]
 *        [--pagecache-mb N (default 256)] [--exit-on-stdin-close]
 *
 * Auth is off unless the environment variable NEO4J_PASSWORD is set (8+ characters): then
 * it is on and user `neo4j` gets that password.
 */
package weaklink;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.internal.helpers.HostnamePort;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.logging.log4j.Log4jLogProvider;

public final class Neo4jLauncher {
  private static final String HOST = "127.0.0.1";

  private Neo4jLauncher() {}

  public static void main(String[] args) {
    Path data = Path.of(".neo4j/data");
    int port = 7687;
    long pagecacheMb = 256;
    boolean exitOnStdinClose = false;
    try {
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--data" -> data = Path.of(value(args, ++i));
          case "--port" -> port = Integer.parseInt(value(args, ++i));
          case "--pagecache-mb" -> pagecacheMb = Long.parseLong(value(args, ++i));
          case "--exit-on-stdin-close" -> exitOnStdinClose = true;
          default -> throw new IllegalArgumentException("unknown option " + args[i]);
        }
      }
      if (port < 0 || port > 65535) throw new IllegalArgumentException("--port must be 0-65535");
    } catch (RuntimeException e) {
      fail("bad arguments: " + e.getMessage(), 2);
    }
    String password = System.getenv("NEO4J_PASSWORD");
    boolean auth = password != null && !password.isEmpty();

    long started = System.nanoTime();
    DatabaseManagementService service;
    try {
      service = new DatabaseManagementServiceBuilder(data.toAbsolutePath())
          .setUserLogProvider(new Log4jLogProvider(System.err))
          .setConfig(BoltConnector.enabled, true)
          .setConfig(BoltConnector.listen_address, new SocketAddress(HOST, port))
          .setConfig(GraphDatabaseSettings.auth_enabled, auth)
          .setConfig(GraphDatabaseSettings.pagecache_memory, pagecacheMb * 1024 * 1024)
          .setConfig(GraphDatabaseSettings.keep_logical_logs, "1 files")
          .setConfig(GraphDatabaseSettings.logical_log_rotation_threshold, 64L * 1024 * 1024)
          .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
          .setConfig(GraphDatabaseSettings.udc_enabled, false)
          // Bolt otherwise waits 2 x 5 s on shutdown for connections that are already gone.
          .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1))
          .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1))
          .build();
    } catch (RuntimeException e) {
      fail("could not start Neo4j on " + data.toAbsolutePath() + ": " + rootMessage(e), 1);
      return;
    }
    final DatabaseManagementService toStop = service;
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      System.err.println("neo4j-launcher: shutting down");
      toStop.shutdown();
      System.err.println("neo4j-launcher: stopped");
    }, "neo4j-shutdown"));

    try {
      if (auth) setPassword(service, password);
      int boltPort = boundBoltPort(service);
      awaitAccepting(boltPort, Duration.ofSeconds(60));
      System.out.println("bolt://" + HOST + ":" + boltPort);
      System.out.println("ready");
      System.out.flush();
      System.err.printf("neo4j-launcher: Neo4j %s up on bolt://%s:%d in %d ms (data %s)%n",
          DatabaseManagementServiceBuilder.class.getPackage().getImplementationVersion(),
          HOST, boltPort, (System.nanoTime() - started) / 1_000_000, data.toAbsolutePath());
    } catch (RuntimeException | IOException e) {
      fail("Neo4j started but is not usable: " + rootMessage(e), 1);
    }
    if (exitOnStdinClose) watchStdin();
    try {
      new CountDownLatch(1).await(); // Serve until a signal or the stdin watcher exits the JVM.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The port Bolt really listens on (differs from the configured one when that was 0). */
  private static int boundBoltPort(DatabaseManagementService service) {
    GraphDatabaseAPI db = (GraphDatabaseAPI) service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
    HostnamePort address = db.getDependencyResolver()
        .resolveDependency(ConnectorPortRegister.class)
        .getLocalAddress(ConnectorType.BOLT);
    if (address == null) throw new IllegalStateException("Bolt connector did not register a port");
    return address.getPort();
  }

  /** Polls until a TCP connection to the Bolt port succeeds. */
  private static void awaitAccepting(int port, Duration timeout) throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(HOST, port), 1000);
        return;
      } catch (IOException e) {
        if (System.nanoTime() > deadline) throw e;
        try {
          Thread.sleep(100);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted while waiting for Bolt", ie);
        }
      }
    }
  }

  private static void setPassword(DatabaseManagementService service, String password) {
    if (password.length() < 8) throw new IllegalArgumentException("NEO4J_PASSWORD must have 8 or more characters");
    try {
      service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
          "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
    } catch (RuntimeException e) {
      // A restart on the same data: the password is already this one, which Neo4j refuses to "change".
      if (!rootMessage(e).contains("cannot be the same")) throw e;
    }
  }

  /** Exits (running the shutdown hook) when stdin reaches end of file: the parent is gone. */
  private static void watchStdin() {
    Thread watcher = new Thread(() -> {
      try {
        InputStream in = System.in;
        byte[] buffer = new byte[256];
        while (in.read(buffer) >= 0) {
          // Discard input; only the end of the stream matters.
        }
      } catch (IOException e) {
        // A broken stdin counts as closed.
      }
      System.err.println("neo4j-launcher: stdin closed, exiting");
      System.exit(0);
    }, "stdin-watcher");
    watcher.setDaemon(true);
    watcher.start();
  }

  private static String value(String[] args, int i) {
    if (i >= args.length) throw new IllegalArgumentException(args[i - 1] + " needs a value");
    return args[i];
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    StringBuilder message = new StringBuilder(String.valueOf(t.getMessage()));
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
      message.append(" <- ").append(t.getMessage());
    }
    return message.toString();
  }

  private static void fail(String message, int status) {
    System.err.println("neo4j-launcher: " + message);
    System.exit(status);
  }
}
