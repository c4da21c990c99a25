using System.Reflection;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BizSuite.Kernel;

/// <summary>
/// A bounded module (or a plugin): says what it depends on and what it registers.
/// The host lists the root modules; plugins are found in the plugins folder.
/// </summary>
public abstract class BizModule
{
    public string Name => GetType().Name.EndsWith("Module") ? GetType().Name[..^"Module".Length] : GetType().Name;

    public Assembly Assembly => GetType().Assembly;

    public virtual void ConfigureServices(ModuleServices context) { }

    public virtual void DefinePermissions(PermissionDefinitionContext context) { }

    public virtual void DefineSettings(SettingDefinitionContext context) { }

    /// <summary>Maps endpoints on the <c>/api</c> group, which already carries the unit of work and validation.</summary>
    public virtual void MapEndpoints(IEndpointRouteBuilder api) { }
}

[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class DependsOnAttribute(params Type[] modules) : Attribute
{
    public IReadOnlyList<Type> Modules { get; } = modules;
}

public sealed class ModuleServices(IServiceCollection services, IConfiguration configuration)
{
    public IServiceCollection Services { get; } = services;
    public IConfiguration Configuration { get; } = configuration;

    /// <summary>Registers a module DbContext on the request's shared connection and transaction.</summary>
    public void AddDbContext<TContext>() where TContext : BizDbContext => Services.AddBizDbContext<TContext>();
}
