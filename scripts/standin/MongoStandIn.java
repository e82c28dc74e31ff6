// Launches mongo-java-server, a MongoDB wire-protocol server in Java, as the local database on
// machines where no real mongod can be installed (see DESIGN.md §6). scripts/db.ts compiles it
// once into a cache and runs the class:
//   java -cp 'lib/*:<classes>' MongoStandIn [--port N] [--host H] [--file path.mv]
//        [--durability sync|delayed]
// With --file the H2 backend keeps data across restarts; without it everything lives in memory.
// The server reports MongoDB 5.0 because the Node driver 6 needs wire version >= 9.
// It exits when its stdin closes, so a crashed parent never leaves it running.
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.EmptyIndex;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Set;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreTool;

public class MongoStandIn {
  private static final int WORKERS = 64;

  public static void main(String[] args) throws Exception {
    String host = "127.0.0.1";
    int port = 0;
    String file = null;
    String durability = "sync";
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--host" -> host = args[i + 1];
        case "--port" -> port = Integer.parseInt(args[i + 1]);
        case "--file" -> file = args[i + 1];
        case "--durability" -> durability = args[i + 1];
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    MongoBackend backend = file == null ? new MemoryBackend() : openFile(file, durability);
    backend.version(ServerVersion.MONGO_5_0);
    MongoServer server = new MongoServer(backend);
    // One worker thread per connection, near enough: a durable write blocks its thread until the
    // file is synced, and netty's default (2 per core) leaves the other writers queued behind it
    // instead of sharing that sync. 50 concurrent writers: 629 inserts/s with 4, 806 with 64.
    server.bind(new InetSocketAddress(host, port), 1, WORKERS);
    Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown));
    InetSocketAddress bound = server.getLocalAddress();
    System.out.println("LISTENING " + bound.getHostString() + ":" + bound.getPort());
    System.out.flush();
    while (System.in.read() != -1) {
      // keep running until the parent closes our stdin
    }
    System.exit(0);
  }

  private static MongoBackend openFile(String file, String durability) {
    return switch (durability) {
      case "sync" -> new FileBackend(FileBackend.durableStore(file), true);
      // The library's defaults but for the cache: the MVStore writes changes in the background
      // about once a second, so a crash loses what was acknowledged in that last second.
      case "delayed" ->
          new FileBackend(new MVStore.Builder().fileName(file).cacheSize(FileBackend.CACHE_MB).open(), false);
      default -> throw new IllegalArgumentException("--durability is sync or delayed");
    };
  }
}

/**
 * The H2 backend on a file. Durable, it commits and syncs every write command to the file before
 * the answer goes out, so an acknowledged write survives the process being killed and the machine
 * losing power. Concurrent writers share commits: whoever takes the lock next stores everything
 * written so far, and the others find nothing left to store.
 */
class FileBackend extends H2Backend {
  /** Commands that never change data: answering them needs no commit. */
  private static final Set<String> READS =
      Set.of(
          "find", "getMore", "count", "distinct", "killCursors", "listCollections", "listIndexes",
          "listDatabases", "hello", "isMaster", "ismaster", "ping", "buildInfo", "buildinfo",
          "serverStatus", "dbStats", "collStats", "endSessions", "getParameter", "connectionStatus",
          "hostInfo", "getCmdLineOpts", "whatsmyuri", "getLog", "getFreeMonitoringStatus");

  private final MVStore store;
  private final boolean durable;
  private final Object commitLock = new Object();
  private long commits;

  FileBackend(MVStore store, boolean durable) {
    super(store);
    this.store = store;
    this.durable = durable;
  }

  /**
   * The page cache, in MB. H2's default (16) holds the demo center but not a busy year: past it,
   * every lookup by _id reads and decodes its pages from the file again, and a rating (about ten
   * such lookups) slows with what is stored. mongod's own cache takes half the memory.
   */
  static final int CACHE_MB = 256;

  static MVStore durableStore(String file) {
    // No background writer: every commit is ours, synchronous and under our lock, so "nothing
    // left to store" really means "on disk" (the background writer stores asynchronously).
    MVStoreTool.compactCleanUp(file);
    MVStore store = new MVStore.Builder().fileName(file).autoCommitDisabled().cacheSize(CACHE_MB).open();
    // Space of chunks no version uses any more is reused at once (the default waits 45 s for the
    // OS to flush them, and a commit per write would grow the file by gigabytes meanwhile). Safe:
    // each commit is synced before the next, and a command in flight holds on to its version.
    store.setRetentionTime(0);
    return store;
  }

  /**
   * A commit per write leaves the file mostly superseded chunks (374 MB after the demo seed, of
   * which 92 MB live), and opening it costs in proportion. On a clean stop the live data is
   * copied into a new file that replaces the old one atomically (about a second for the demo);
   * a stop cut short leaves the old file whole, and a half-written copy is cleared at the next
   * open (durableStore).
   */
  @Override
  public void close() {
    String file = durable && !store.isClosed() ? store.getFileStore().getFileName() : null;
    super.close();
    if (file == null) return;
    try {
      MVStoreTool.compact(file, false);
    } catch (RuntimeException e) {
      // The old file is still whole (the copy replaces it only once complete): next time.
      System.err.println("stand-in: file not compacted: " + e.getMessage());
    }
  }

  /**
   * The library keeps no secondary indexes, and at every start it "builds" each one it ignores by
   * reading every document of its collection twice: seconds for the demo data. Nothing to build.
   */
  @Override
  protected MongoDatabase openOrCreateDatabase(String name) {
    // Called from the constructor of H2Backend, before our fields are set: hence getMvStore().
    return new H2Database(name, getMvStore(), getCursorRegistry()) {
      @Override
      protected Index<Object> openOrCreateSecondaryIndex(
          String collection, String index, List<IndexKey> keys, boolean sparse) {
        return new EmptyIndex<>(index, keys) {
          @Override
          public boolean isEmpty() {
            return false;
          }
        };
      }
    };
  }

  @Override
  public Document handleCommand(Channel channel, String database, String command, Document query) {
    if (!durable) return super.handleCommand(channel, database, command, query);
    MVStore.TxCounter reading = store.registerVersionUsage();
    try {
      return super.handleCommand(channel, database, command, query);
    } finally {
      store.deregisterVersionUsage(reading);
      // Also after a failed command: an unordered insert stores some documents before it fails.
      if (writes(command, query)) commitWrites();
    }
  }

  private static boolean writes(String command, Document query) {
    if (command.equals("aggregate")) {
      String pipeline = String.valueOf(query.get("pipeline"));
      return pipeline.contains("$out") || pipeline.contains("$merge");
    }
    return !READS.contains(command);
  }

  private void commitWrites() {
    synchronized (commitLock) {
      // Nothing unsaved: a command that changed nothing (an index that exists, an update that
      // matched none: a start's migrations send dozens), or another writer's commit, already
      // synced under this lock, covered ours. Either way there is nothing to sync.
      if (!store.hasUnsavedChanges()) return;
      if (store.commit() < 0) return; // -1: another writer's commit covered ours
      // The background writer we turned off also compacted the file (copied the live pages of
      // mostly rewritten chunks together, so their space is reused): done here now and then.
      if (++commits % 1000 == 0 && store.compact(80, 4 << 20)) store.commit();
      store.sync();
    }
  }
}
