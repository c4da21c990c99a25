using BizSuite.Automation.Runs;
using Shouldly;

namespace BizSuite.Automation.Tests;

public sealed class RuleChainTests
{
    [Fact]
    public void A_rule_runs_at_most_three_deep_on_a_chain_of_events_it_caused_itself()
    {
        var chain = new RuleChain();
        var rule = Guid.NewGuid();
        var (e1, e2, e3, e4) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        chain.TryEnter(rule, e1, null).ShouldBeTrue();
        chain.TryEnter(rule, e2, e1).ShouldBeTrue();
        chain.TryEnter(rule, e3, e2).ShouldBeTrue();
        chain.TryEnter(rule, e4, e3).ShouldBeFalse("a fourth run on its own chain is refused");
    }

    [Fact]
    public void Other_rules_on_the_chain_and_unrelated_events_do_not_count()
    {
        var chain = new RuleChain();
        var (rule, other) = (Guid.NewGuid(), Guid.NewGuid());
        var (e1, e2, e3, e4) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        chain.TryEnter(rule, e1, null).ShouldBeTrue();
        chain.TryEnter(other, e2, e1).ShouldBeTrue();
        chain.TryEnter(other, e3, e2).ShouldBeTrue();
        chain.TryEnter(rule, e4, e3).ShouldBeTrue("the rule ran once on this chain");
        // The same rule on many unrelated events of one unit of work (a batch) is not recursion.
        for (var i = 0; i < 10; i++) chain.TryEnter(rule, Guid.NewGuid(), null).ShouldBeTrue();
    }
}
