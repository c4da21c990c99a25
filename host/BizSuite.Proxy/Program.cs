using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Health;

// A load balancer in front of several BizSuite hosts: every path (API, SPA, /hubs/* WebSockets) goes to the next healthy
// host in turn. The hosts are given as Proxy__Hosts="http://127.0.0.1:5163,http://127.0.0.1:5164"; the proxy listens on
// ASPNETCORE_URLS. No session affinity: the hosts share their state through MariaDB and Redis, and the browser opens its
// SignalR socket without negotiation (one WebSocket request, which stays on one host for its lifetime).
var builder = WebApplication.CreateBuilder(args);
var hosts = (builder.Configuration["Proxy:Hosts"] ?? "")
    .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
if (hosts.Length == 0) throw new InvalidOperationException("Set Proxy__Hosts to the hosts' addresses, comma-separated.");
var probeInterval = TimeSpan.FromSeconds(builder.Configuration.GetValue("Proxy:HealthIntervalSeconds", 2.0));

var cluster = new ClusterConfig
{
    ClusterId = "hosts",
    LoadBalancingPolicy = "RoundRobin",
    Destinations = hosts.Select((address, i) => (address, i)).ToDictionary(d => $"host{d.i + 1}", d => new DestinationConfig { Address = d.address }),
    HealthCheck = new HealthCheckConfig
    {
        // Active: a host that fails /health/ready leaves the rotation until it answers again.
        Active = new ActiveHealthCheckConfig
        {
            Enabled = true,
            Interval = probeInterval,
            Timeout = TimeSpan.FromSeconds(2),
            Policy = HealthCheckConstants.ActivePolicy.ConsecutiveFailures,
            Path = "/health/ready",
        },
        // Passive: a host that refuses connections is taken out at once, not only at the next probe.
        Passive = new PassiveHealthCheckConfig { Enabled = true, Policy = HealthCheckConstants.PassivePolicy.TransportFailureRate, ReactivationPeriod = probeInterval * 2 },
    },
    HttpRequest = new Yarp.ReverseProxy.Forwarder.ForwarderRequestConfig { ActivityTimeout = TimeSpan.FromMinutes(2) },
};
var route = new RouteConfig { RouteId = "all", ClusterId = "hosts", Match = new RouteMatch { Path = "{**path}" } };

builder.Services.AddReverseProxy().LoadFromMemory([route], [cluster]);
var app = builder.Build();
app.MapGet("/proxy/health", () => Results.Ok(new { status = "Healthy" }));
app.MapReverseProxy();
app.Run();
