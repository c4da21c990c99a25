using System.Diagnostics;

namespace BizSuite.IntegrationTests;

/// <summary>
/// The host (or the proxy) as a real process (<c>dotnet BizSuite.Host.dll</c>, built beside this test project), for what an
/// in-process host cannot show: a host killed with <c>kill -9</c>, hosts that share nothing but the database and Redis.
/// </summary>
internal sealed class HostProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];

    private HostProcess(Process process) => _process = process;

    /// <summary>Starts the host on <paramref name="connectionString"/> with the test plugins, its job worker on, no HTTP port of note.</summary>
    public static HostProcess Start(string connectionString, IReadOnlyDictionary<string, string> settings)
    {
        var start = StartInfo("BizSuite.Host");
        start.Environment["ConnectionStrings__Default"] = connectionString;
        start.Environment["Jwt__SigningKey"] = "integration-tests-signing-key-0123456789";
        start.Environment["Seed__HostAdminPassword"] = BizSuiteFactory.HostAdminPassword;
        start.Environment["Plugins__Path"] = Path.Combine(AppContext.BaseDirectory, "test-plugins");
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        foreach (var (key, value) in settings) start.Environment[key] = value;
        return Run(start);
    }

    /// <summary>The proxy (host/BizSuite.Proxy) on <paramref name="address"/>, balancing over <paramref name="hosts"/>.</summary>
    public static HostProcess StartProxy(Uri address, IEnumerable<Uri> hosts)
    {
        var start = StartInfo("BizSuite.Proxy");
        start.Environment["ASPNETCORE_URLS"] = address.ToString();
        start.Environment["Proxy__Hosts"] = string.Join(',', hosts.Select(h => h.ToString().TrimEnd('/')));
        start.Environment["Proxy__HealthIntervalSeconds"] = "1";
        return Run(start);
    }

    private static ProcessStartInfo StartInfo(string project)
    {
        var dll = Dll(project);
        return new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
    }

    private static HostProcess Run(ProcessStartInfo start)
    {
        var host = new HostProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start."));
        host._process.OutputDataReceived += (_, e) => host.Add(e.Data);
        host._process.ErrorDataReceived += (_, e) => host.Add(e.Data);
        host._process.BeginOutputReadLine();
        host._process.BeginErrorReadLine();
        return host;
    }

    public bool HasExited => _process.HasExited;

    /// <summary>The last lines the host wrote, for a failure message.</summary>
    public string Tail()
    {
        lock (_output) return string.Join('\n', _output.TakeLast(30));
    }

    /// <summary>SIGKILL, as <c>kill -9</c>: no shutdown, no finally block, no last heartbeat.</summary>
    public void KillHard()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited) KillHard();
        _process.Dispose();
    }

    private void Add(string? line)
    {
        if (line is null) return;
        lock (_output) _output.Add(line);
    }

    /// <summary>host/{project}/bin/{configuration}/net10.0/{project}.dll, which building this test project builds.</summary>
    private static string Dll(string project)
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = output.Parent!.Name;
        for (var dir = output; dir is not null; dir = dir.Parent)
        {
            var dll = Path.Combine(dir.FullName, "host", project, "bin", configuration, output.Name, $"{project}.dll");
            if (File.Exists(dll)) return dll;
        }
        throw new InvalidOperationException($"host/{project}/bin/{configuration}/{output.Name}/{project}.dll not found: build the tests first.");
    }
}
