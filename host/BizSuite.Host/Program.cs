using BizSuite.Host;
using BizSuite.Identity;
using BizSuite.Kernel;
using BizSuite.Saas;
using Microsoft.Extensions.FileProviders;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);
if (!builder.Environment.IsDevelopment()) builder.Logging.ClearProviders().AddJsonConsole();

builder.AddBizSuite(typeof(SaasModule), typeof(IdentityModule));
builder.Services.AddOpenApi(o => o.AddDocumentTransformer<BearerSecurityTransformer>());
builder.Services.AddScoped<DemoTenantSeeder>();

var app = builder.Build();
await app.Services.InitializeBizSuiteAsync();
if (app.Configuration.GetValue<bool>("Seed:DemoTenant")) await DemoTenantSeeder.RunAsync(app.Services);

app.UseBizSuite();
app.MapOpenApi();
app.MapScalarApiReference("/scalar");

// The built Angular app: static files, and index.html for every client-side route outside /api.
var spaPath = app.Configuration["Spa:Path"];
if (!string.IsNullOrEmpty(spaPath) && Directory.Exists(spaPath))
{
    var files = new PhysicalFileProvider(Path.GetFullPath(spaPath));
    app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
    app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
    app.MapFallbackToFile("index.html", new StaticFileOptions { FileProvider = files })
        .Add(b => ((RouteEndpointBuilder)b).RoutePattern = Microsoft.AspNetCore.Routing.Patterns.RoutePatternFactory.Parse("{*path:regex(^(?!api/|openapi/|health/).*)}"));
}

app.Run();

public partial class Program;
