using BizSuite.Host;
using BizSuite.Insights.Instances;
using BizSuite.Kernel;
using Microsoft.Extensions.FileProviders;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);
if (!builder.Environment.IsDevelopment()) builder.Logging.ClearProviders().AddJsonConsole();

builder.AddBizSuite(HostModules.Roots);
builder.Services.AddOpenApi(o => o.AddBizSuiteConventions());
builder.Services.AddScoped<DemoTenantSeeder>();
// The real clock, which the demo history sets back per step while it seeds (see DemoHistory).
builder.Services.AddSingleton<TimeProvider, HistoryClock>();

var app = builder.Build();
await app.Services.InitializeBizSuiteAsync();
if (InsightsCommandLine.Wants(args))
{
    await InsightsCommandLine.RunAsync(app.Services, args);
    return;
}
if (app.Configuration.GetValue<bool>("Seed:DemoTenant"))
{
    await DemoTenantSeeder.RunAsync(app.Services);
    app.Services.GetRequiredService<StartupTrace>().Mark("demo tenant");
}

// The built Angular app: static files first (before routing would pick the fallback), and index.html
// for every client-side route outside the API.
var spaPath = app.Configuration["Spa:Path"];
var spaFiles = !string.IsNullOrEmpty(spaPath) && Directory.Exists(spaPath) ? new PhysicalFileProvider(Path.GetFullPath(spaPath)) : null;
if (spaFiles is not null) app.UseSpaFiles(spaFiles);

app.UseBizSuite();
app.MapOpenApi();
app.MapScalarApiReference("/scalar");
if (spaFiles is not null) app.MapSpaFallback(spaFiles);

app.Run();

public partial class Program;
