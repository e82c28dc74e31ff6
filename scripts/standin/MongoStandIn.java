// Launches mongo-java-server, a MongoDB wire-protocol server in Java, as the local database on
// machines where no real mongod can be installed (see DESIGN.md §6).
//   java -cp 'lib/*' MongoStandIn.java [--port N] [--host H] [--file path.mv]
// With --file the H2 backend keeps data across restarts; without it everything lives in memory.
// The server reports MongoDB 5.0 because the Node driver 6 needs wire version >= 9.
// It exits when its stdin closes, so a crashed parent never leaves it running.
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;

public class MongoStandIn {
  public static void main(String[] args) throws Exception {
    String host = "127.0.0.1";
    int port = 0;
    String file = null;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--host" -> host = args[i + 1];
        case "--port" -> port = Integer.parseInt(args[i + 1]);
        case "--file" -> file = args[i + 1];
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    MongoBackend backend = file == null ? new MemoryBackend() : new H2Backend(file);
    backend.version(ServerVersion.MONGO_5_0);
    MongoServer server = new MongoServer(backend);
    server.bind(new InetSocketAddress(host, port));
    Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown));
    InetSocketAddress bound = server.getLocalAddress();
    System.out.println("LISTENING " + bound.getHostString() + ":" + bound.getPort());
    System.out.flush();
    while (System.in.read() != -1) {
      // keep running until the parent closes our stdin
    }
    System.exit(0);
  }
}
