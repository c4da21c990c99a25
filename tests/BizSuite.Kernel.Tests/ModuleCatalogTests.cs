using BizSuite.Kernel;
using Shouldly;

namespace BizSuite.Kernel.Tests;

public sealed class ModuleCatalogTests
{
    private sealed class Base : BizModule;
    [DependsOn(typeof(Base))] private sealed class Middle : BizModule;
    [DependsOn(typeof(Middle), typeof(Base))] private sealed class Top : BizModule;
    [DependsOn(typeof(CycleB))] private sealed class CycleA : BizModule;
    [DependsOn(typeof(CycleA))] private sealed class CycleB : BizModule;

    [Fact]
    public void Every_module_starts_after_its_dependencies_and_the_kernel_first()
    {
        var names = ModuleCatalog.Build([typeof(Top)]).Modules.Select(m => m.Name).ToList();
        names.ShouldBe(["Kernel", "Base", "Middle", "Top"]);
    }

    [Fact]
    public void A_module_listed_twice_is_loaded_once()
    {
        ModuleCatalog.Build([typeof(Base), typeof(Top), typeof(Base)]).Modules.Count.ShouldBe(4);
    }

    [Fact]
    public void A_dependency_cycle_is_reported_with_its_path()
    {
        var error = Should.Throw<InvalidOperationException>(() => ModuleCatalog.Build([typeof(CycleA)]));
        error.Message.ShouldContain("CycleA -> CycleB -> CycleA");
    }

    [Fact]
    public void A_missing_plugin_folder_means_no_plugins()
    {
        ModuleCatalog.FindPluginModules(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"))).ShouldBeEmpty();
    }
}
