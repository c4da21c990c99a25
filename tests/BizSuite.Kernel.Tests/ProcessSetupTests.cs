using System.Globalization;
using System.Reflection;
using System.Runtime.Loader;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Shouldly;

namespace BizSuite.Kernel.Tests;

/// <summary>Tests build many hosts in one process: the kernel's process-wide hooks are installed once and keep no host's state.</summary>
public sealed class ProcessSetupTests
{
    private static readonly string PluginFolder = Path.Combine(AppContext.BaseDirectory, "test-plugins");

    private static async Task BuildHostAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Configuration["ConnectionStrings:Default"] = "Server=127.0.0.1;Database=process_setup";
        builder.Configuration["Plugins:Path"] = PluginFolder;
        builder.AddBizSuite([]);
        await using var app = builder.Build();
    }

    [Fact]
    public async Task Building_many_hosts_installs_the_plugin_resolver_and_the_field_name_resolver_once()
    {
        for (var i = 0; i < 3; i++) await BuildHostAsync();
        for (var i = 0; i < 3; i++) ModuleCatalog.FindPluginModules(PluginFolder).ShouldNotBeEmpty();

        // The event's backing field: what AssemblyLoadContext.Resolving += added, however it was added.
        var resolving = (Delegate?)typeof(AssemblyLoadContext).GetField("_resolving", BindingFlags.NonPublic | BindingFlags.Instance)
            ?.GetValue(AssemblyLoadContext.Default);
        resolving.ShouldNotBeNull("AssemblyLoadContext keeps its Resolving handlers in _resolving");
        resolving.GetInvocationList().Count(d => d.Method.DeclaringType == typeof(PluginFolders)).ShouldBe(1);
        ValidatorOptions.Global.DisplayNameResolver.Method.ShouldBe(typeof(FieldNames).GetMethod(nameof(FieldNames.Resolve), BindingFlags.NonPublic | BindingFlags.Static));
    }

    [Fact]
    public async Task A_plugin_is_found_again_by_every_host_of_the_process()
    {
        var first = ModuleCatalog.FindPluginModules(PluginFolder).ToList();
        await BuildHostAsync();
        first.Select(t => t.Name).ShouldContain("ProbeModule");
        ModuleCatalog.FindPluginModules(PluginFolder).ShouldBe(first, "the assembly loaded the first time, not skipped as already loaded");
    }

    private sealed record Request(string Title);

    private sealed class RequestValidator : AbstractValidator<Request>
    {
        public RequestValidator() => RuleFor(r => r.Title).NotEmpty();
    }

    [Fact]
    public async Task Field_names_in_messages_come_from_the_texts_of_the_validation_under_way()
    {
        var crm = new JsonStringLocalizer([typeof(Crm.CrmModule).Assembly]);
        var none = new JsonStringLocalizer([]);
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
        try
        {
            var validator = new RequestValidator();
            async Task<string> MessageAsync(JsonStringLocalizer texts) =>
                (await FieldNames.ValidateAsync(validator, new ValidationContext<Request>(new Request("")), texts, CancellationToken.None)).Errors.Single().ErrorMessage;

            (await MessageAsync(crm)).ShouldContain("标题");
            (await MessageAsync(none)).ShouldContain("Title", Case.Sensitive, "a host without the text shows the property name");
            (await MessageAsync(crm)).ShouldContain("标题", customMessage: "each validation uses its own texts");
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
