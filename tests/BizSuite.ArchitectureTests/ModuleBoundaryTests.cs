using System.Reflection;
using BizSuite.Kernel;
using Microsoft.EntityFrameworkCore;
using NetArchTest.Rules;
using Shouldly;

namespace BizSuite.ArchitectureTests;

/// <summary>
/// Modules talk only through each other's *.Contracts: a module's own assembly (domain, tables,
/// endpoints) is referenced by nobody but the host. These rules make that a failing build, not a habit.
/// </summary>
public sealed class ModuleBoundaryTests
{
    private static readonly Assembly[] ModuleAssemblies = ModuleCatalog.Build(Host.HostModules.Roots)
        .Modules.Select(m => m.Assembly).Where(a => a != typeof(KernelModule).Assembly).Distinct().ToArray();

    private static readonly Assembly[] ContractAssemblies = ModuleAssemblies.SelectMany(a => a.GetReferencedAssemblies())
        .Where(r => r.Name!.StartsWith("BizSuite.") && r.Name.EndsWith(".Contracts")).DistinctBy(r => r.Name).Select(Assembly.Load).ToArray();

    public static TheoryData<string> Modules() => new(ModuleAssemblies.Select(a => a.GetName().Name!));

    private static Assembly Load(string name) => ModuleAssemblies.Single(a => a.GetName().Name == name);

    [Theory]
    [MemberData(nameof(Modules))]
    public void A_module_references_other_modules_only_through_their_contracts(string module)
    {
        var others = ModuleAssemblies.Select(a => a.GetName().Name!).Where(n => n != module).ToHashSet();
        Load(module).GetReferencedAssemblies().Select(r => r.Name!).Where(others.Contains).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void A_modules_DbContext_and_entities_are_internal(string module)
    {
        var result = Types.InAssembly(Load(module)).That().Inherit(typeof(DbContext)).Or().Inherit(typeof(AggregateRoot))
            .Should().NotBePublic().GetResult();
        result.IsSuccessful.ShouldBeTrue($"public: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Fact]
    public void Contracts_depend_only_on_the_kernel_and_other_contracts()
    {
        // Shared vocabulary (a collection status on an order) may come from another module's contracts, never from its internals.
        ContractAssemblies.Select(a => a.GetName().Name).ShouldContain("BizSuite.Finance.Contracts");
        foreach (var contracts in ContractAssemblies)
        {
            contracts.GetReferencedAssemblies().Select(r => r.Name!)
                .Where(n => n.StartsWith("BizSuite.") && n != "BizSuite.Kernel" && !n.EndsWith(".Contracts")).ShouldBeEmpty(contracts.GetName().Name);
            var result = Types.InAssembly(contracts).ShouldNot().HaveDependencyOn("Microsoft.EntityFrameworkCore").GetResult();
            result.IsSuccessful.ShouldBeTrue($"{contracts.GetName().Name} uses EF Core in {string.Join(", ", result.FailingTypeNames ?? [])}");
        }
    }

    [Fact]
    public void A_plugin_uses_only_the_kernel_and_contracts_keeps_its_tables_internal_and_is_not_referenced_by_the_host()
    {
        var plugin = typeof(Plugins.RobotNotifier.RobotNotifierModule).Assembly;
        plugin.GetReferencedAssemblies().Select(r => r.Name!)
            .Where(n => n.StartsWith("BizSuite.") && n != "BizSuite.Kernel" && !n.EndsWith(".Contracts")).ShouldBeEmpty();
        var result = Types.InAssembly(plugin).That().Inherit(typeof(DbContext)).Or().Inherit(typeof(AggregateRoot)).Should().NotBePublic().GetResult();
        result.IsSuccessful.ShouldBeTrue($"public: {string.Join(", ", result.FailingTypeNames ?? [])}");
        typeof(Host.HostModules).Assembly.GetReferencedAssemblies().Select(r => r.Name).ShouldNotContain(plugin.GetName().Name);
    }

    [Fact]
    public void The_kernel_knows_no_module()
    {
        typeof(KernelModule).Assembly.GetReferencedAssemblies().Select(r => r.Name!)
            .Where(n => n.StartsWith("BizSuite.")).ShouldBeEmpty();
    }

    [Fact]
    public void Every_module_table_carries_its_module_prefix()
    {
        foreach (var module in ModuleAssemblies)
        {
            var prefix = module.GetName().Name!["BizSuite.".Length..].ToLowerInvariant() + "_";
            foreach (var contextType in module.GetTypes().Where(t => typeof(BizDbContext).IsAssignableFrom(t) && !t.IsAbstract))
            {
                var factoryType = module.GetTypes().Single(t => t.BaseType == typeof(DesignTimeDbContextFactory<>).MakeGenericType(contextType));
                var factory = Activator.CreateInstance(factoryType, nonPublic: true);
                using var context = (DbContext)factoryType.GetMethod("CreateDbContext")!.Invoke(factory, [Array.Empty<string>()])!;
                foreach (var table in context.Model.GetEntityTypes().Select(e => e.GetTableName()))
                    table!.ShouldStartWith(prefix, customMessage: $"{contextType.Name} maps {table}");
            }
        }
    }
}
