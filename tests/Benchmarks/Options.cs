using MySqlConnector;

namespace BizSuite.Benchmarks;

/// <summary>Command-line options; the defaults finish in a few minutes on a 2-core machine.</summary>
internal sealed record Options
{
    public string Connection { get; init; } = "Server=127.0.0.1;Port=3308;User=bizsuite;Password=bizsuite";
    public int Contracts { get; init; } = 900;
    public int Rounds { get; init; } = 3;
    public int Workers { get; init; } = 16;
    public int Tenants { get; init; } = 16;
    public int Invoices { get; init; } = 1_000_000;
    public int Requests { get; init; } = 500;
    public int Warmup { get; init; } = 50;
    public string HostAdminPassword { get; init; } = "Host123!";
    public int JournalEvents { get; init; } = 1_000_000;
    public int Instances { get; init; } = 100_000;
    public int SigningsPerRound { get; init; } = 100;
    public int Movements { get; init; } = 1_000_000;
    public int Customers { get; init; } = 1_000_000;
    public int SearchCustomers { get; init; } = 100_000;
    public int Starts { get; init; } = 5;
    /// <summary>The host the start-up part starts (<c>--host-dll</c>), e.g. a ReadyToRun publish; by default the Release build.</summary>
    public string? HostDll { get; init; }
    /// <summary>The one part to run (<c>--only</c>), or all of them.</summary>
    public string? Only { get; init; }
    public bool Keep { get; init; }

    public const string Usage = """
        dotnet run -c Release --project tests/Benchmarks -- [options]
          --connection "Server=…;User=…;Password=…"  server to use; a database bench_<random> is created and dropped
          --contracts N        contracts each path signs per setup (default 900)
          --rounds N           rounds the paths take turns in (default 3)
          --workers N          concurrent workers of the parallel runs (default 16)
          --tenants N          tenants the spread runs sign in (default 16)
          --invoices N         invoices loaded for the list latency (default 1000000)
          --requests N         measured requests per list query (default 500), after --warmup N (default 50)
          --host-admin-password P   Seed:HostAdminPassword of the fresh database (default Host123!)
          --journal-events N   journal events of the insights tenant (default 1000000)
          --instances N        process instances its deals make (default 100000)
          --signings-per-round N  contracts per path and round of the insights signing comparison (default 100)
          --movements N        stock movements loaded for the stock list latency (default 1000000)
          --customers N        customers loaded for the custom-field filter latency (default 1000000)
          --search-customers N customers loaded beside --invoices invoices for the global search latency (default 100000)
          --starts N           host processes the start-up part starts, one after another (default 5)
          --host-dll PATH      the host the start-up part starts (default host/BizSuite.Host/bin/Release/net10.0/BizSuite.Host.dll;
                               e.g. a ReadyToRun publish: dotnet publish host/BizSuite.Host -c Release -r linux-x64 -p:PublishReadyToRun=true -o /tmp/r2r)
          --only PART          run one part: signing, list (invoice list pages, status and text filters), search (GET /api/search), insights, procure (receipt + bill and sign + deliver), stock (stock lists),
                               customfields (customers filtered by a custom select field), startup (the real host process
                               started --starts times on the migrated database)
          --keep               keep the database afterwards
        """;

    public static Options Parse(string[] args)
    {
        var o = new Options();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.\n{Usage}");
            o = args[i] switch
            {
                "--connection" => o with { Connection = Next() },
                "--contracts" => o with { Contracts = int.Parse(Next()) },
                "--rounds" => o with { Rounds = Math.Max(1, int.Parse(Next())) },
                "--workers" => o with { Workers = int.Parse(Next()) },
                "--tenants" => o with { Tenants = int.Parse(Next()) },
                "--invoices" => o with { Invoices = int.Parse(Next()) },
                "--requests" => o with { Requests = int.Parse(Next()) },
                "--warmup" => o with { Warmup = int.Parse(Next()) },
                "--journal-events" => o with { JournalEvents = int.Parse(Next()) },
                "--instances" => o with { Instances = int.Parse(Next()) },
                "--signings-per-round" => o with { SigningsPerRound = int.Parse(Next()) },
                "--host-admin-password" => o with { HostAdminPassword = Next() },
                "--movements" => o with { Movements = int.Parse(Next()) },
                "--customers" => o with { Customers = int.Parse(Next()) },
                "--search-customers" => o with { SearchCustomers = int.Parse(Next()) },
                "--starts" => o with { Starts = Math.Max(1, int.Parse(Next())) },
                "--host-dll" => o with { HostDll = Path.GetFullPath(Next()) },
                "--only" => Next() is var part && Parts.Contains(part) ? o with { Only = part }
                    : throw new ArgumentException($"--only {args[i]}: one of {string.Join(", ", Parts)}.\n{Usage}"),
                "--keep" => o with { Keep = true },
                "-h" or "--help" => throw new ArgumentException(Usage),
                var other => throw new ArgumentException($"Unknown option {other}.\n{Usage}"),
            };
        }
        return o;
    }

    public static readonly string[] Parts = ["signing", "list", "search", "insights", "procure", "stock", "customfields", "startup"];

    public bool Runs(string part) => Only is null || Only == part;

    public string DatabaseConnection(string database) => new MySqlConnectionStringBuilder(Connection)
    {
        Database = database,
        AllowLoadLocalInfile = true,
        MaximumPoolSize = 200,
    }.ConnectionString;
}
