using BizSuite.Hr.Departments;
using BizSuite.Kernel;
using Shouldly;

namespace BizSuite.Hr.Tests;

public sealed class DepartmentTests
{
    // 总经办 ← 销售部 ← 华东区
    private readonly Department _office = new("总经办", "GM");
    private readonly Department _sales = new("销售部", "SALES");
    private readonly Department _east = new("华东区", "EAST");

    private Func<Guid, Guid?> Tree() => id => new[] { _office, _sales, _east }.FirstOrDefault(d => d.Id == id)?.ParentId;

    public DepartmentTests()
    {
        _sales.MoveUnder(_office.Id, Tree());
        _east.MoveUnder(_sales.Id, Tree());
    }

    [Fact]
    public void A_department_cannot_move_under_itself_or_its_descendants()
    {
        foreach (var target in new[] { _office, _sales, _east })
        {
            var error = Should.Throw<BusinessException>(() => _office.MoveUnder(target.Id, Tree()));
            error.Code.ShouldBe(HrErrors.DepartmentCycle);
            error.Field.ShouldBe("parentId");
        }
        _office.ParentId.ShouldBeNull();
    }

    [Fact]
    public void A_department_may_move_sideways_or_to_the_top()
    {
        _east.MoveUnder(_office.Id, Tree());
        _east.ParentId.ShouldBe(_office.Id);
        _sales.MoveUnder(null, Tree());
        _sales.ParentId.ShouldBeNull();
    }

    [Fact]
    public void The_path_runs_from_the_department_up_to_the_root() =>
        DepartmentTree.PathUp(_east.Id, Tree()).ShouldBe([_east.Id, _sales.Id, _office.Id]);

    [Fact]
    public void A_loop_stored_before_the_rule_does_not_hang_the_walk()
    {
        Guid a = Guid.NewGuid(), b = Guid.NewGuid();
        Func<Guid, Guid?> loop = id => id == a ? b : a;
        DepartmentTree.IsSelfOrDescendant(a, Guid.NewGuid(), loop).ShouldBeTrue();
        DepartmentTree.PathUp(a, loop).ShouldBe([a, b]);
    }
}
