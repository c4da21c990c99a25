using BizSuite.Kernel;
using Shouldly;

namespace BizSuite.Kernel.Tests;

public sealed class SearchTextTests
{
    [Fact]
    public void A_company_name_is_indexed_as_character_pairs_and_its_words_and_digits()
    {
        SearchText.IndexTerms(["杭州星河科技有限公司", "FP0001000"]).ShouldBe(
            ["杭州", "州星", "星河", "河科", "科技", "技有", "有限", "限公", "公司", "司", "fp0001000", "0001000", "1000"], ignoreOrder: true);
    }

    [Fact]
    public void Full_width_letters_digits_and_case_are_folded_and_punctuation_splits_words()
    {
        SearchText.IndexTerms(["ＳＲＶ－Ｒ７５０", null, "  "]).ShouldBe(["srv", "r750", "750"], ignoreOrder: true);
        SearchText.IndexTerms(["wang.li@example.com"]).ShouldBe(["wang", "li", "example", "com"], ignoreOrder: true);
    }

    [Fact]
    public void A_query_asks_for_word_starts_exact_pairs_and_a_lone_character_as_a_start()
    {
        SearchText.QueryTerms("星河科技 FP00").ShouldBe(
            [new QueryTerm("星河", false), new QueryTerm("河科", false), new QueryTerm("科技", false), new QueryTerm("fp00", true)]);
        SearchText.QueryTerms("丁").ShouldBe([new QueryTerm("丁", true)]);
        SearchText.QueryTerms("++ --").ShouldBeEmpty();
    }

    [Fact]
    public void Every_query_term_is_found_among_the_terms_of_a_text_containing_the_query()
    {
        const string text = "苏州银月精密机械有限公司 HT2026000123";
        var terms = SearchText.IndexTerms([text]);
        foreach (var query in new[] { "银月", "精密机械", "密", "司", "ht2026", "2026000", "苏州银月精密机械有限公司" })
            SearchText.QueryTerms(query).ShouldAllBe(q => q.Prefix ? terms.Any(t => t.StartsWith(q.Text, StringComparison.Ordinal)) : terms.Contains(q.Text), query);
    }
}
