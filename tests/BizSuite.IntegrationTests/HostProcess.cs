using System.Diagnostics;

namespace BizSuite.IntegrationTests;

/// <summary>
/// The host as a real second process (<c>dotnet BizSuite.Host.dll</c>, built beside this test project), for what an
/// in-process host cannot show: a host killed with <c>kill -9</c>.
/// </summary>
internal sealed class HostProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];

    private HostProcess(Process process) => _process = process;

    /// <summary>Starts the host on <paramref name="connectionString"/> with the test plugins, its job worker on, no HTTP port of note.</summary>
    public static HostProcess Start(string connectionString, IReadOnlyDictionary<string, string> settings)
    {
        var dll = HostDll();
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ConnectionStrings__Default"] = connectionString;
        start.Environment["Jwt__SigningKey"] = "integration-tests-signing-key-0123456789";
        start.Environment["Seed__HostAdminPassword"] = BizSuiteFactory.HostAdminPassword;
        start.Environment["Plugins__Path"] = Path.Combine(AppContext.BaseDirectory, "test-plugins");
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        foreach (var (key, value) in settings) start.Environment[key] = value;

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

    /// <summary>host/BizSuite.Host/bin/{configuration}/net10.0, which building this test project builds.</summary>
    private static string HostDll()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = output.Parent!.Name;
        for (var dir = output; dir is not null; dir = dir.Parent)
        {
            var dll = Path.Combine(dir.FullName, "host", "BizSuite.Host", "bin", configuration, output.Name, "BizSuite.Host.dll");
            if (File.Exists(dll)) return dll;
        }
        throw new InvalidOperationException($"host/BizSuite.Host/bin/{configuration}/{output.Name}/BizSuite.Host.dll not found: build the tests first.");
    }
}
