using System.Globalization;
using System.Text.Json.Nodes;
using BizSuite.Kernel;
using Shouldly;

namespace BizSuite.Kernel.Tests;

/// <summary>The one check of tenant-defined values: each type's valid and invalid values, normalization, required, defaults.</summary>
public sealed class FieldValuesTests : IDisposable
{
    private static readonly JsonStringLocalizer Texts = new([typeof(KernelModule).Assembly]);
    private readonly CultureInfo _previous = CultureInfo.CurrentUICulture;

    public FieldValuesTests() => CultureInfo.CurrentUICulture = new CultureInfo("en");

    public void Dispose() => CultureInfo.CurrentUICulture = _previous;

    private static readonly FieldOption[] Levels = [new("A", "A 级", "Level A"), new("B", "B 级", "Level B"), new("C", "C 级", "Level C")];

    private static FieldSpec Spec(FieldType type) => new("f", type, "字段", "Field") { Options = type is FieldType.SingleSelect or FieldType.MultiSelect ? Levels : [] };

    private static FieldCheck Check(FieldSpec spec, string valueJson) =>
        FieldValues.Check([spec], new JsonObject { ["f"] = JsonNode.Parse(valueJson) }, Texts, applyDefaults: false);

    private static string Stored(FieldSpec spec, string valueJson)
    {
        var check = Check(spec, valueJson);
        check.Errors.ShouldBeEmpty();
        return check.Values["f"]!.ToJsonString();
    }

    private static string Error(FieldSpec spec, string valueJson)
    {
        var check = Check(spec, valueJson);
        check.Values.ShouldBeEmpty();
        var (key, messages) = check.Errors.ShouldHaveSingleItem();
        key.ShouldBe("customFields.f");
        return messages.ShouldHaveSingleItem();
    }

    [Theory]
    [InlineData(FieldType.Text, "\"  Shanghai \"", "\"Shanghai\"")]
    [InlineData(FieldType.LongText, "\"line 1\\nline 2\"", "\"line 1\\nline 2\"")]
    [InlineData(FieldType.Number, "12.50", "12.5")]
    [InlineData(FieldType.Number, "\"-3\"", "-3")]
    [InlineData(FieldType.Money, "1999.9", "1999.9")]
    [InlineData(FieldType.Money, "\"1,200.00\"", "1200")]
    [InlineData(FieldType.Date, "\"2026-12-03\"", "\"2026-12-03\"")]
    [InlineData(FieldType.Date, "\"2026/1/5\"", "\"2026-01-05\"")]
    [InlineData(FieldType.Boolean, "true", "true")]
    [InlineData(FieldType.Boolean, "\"False\"", "false")]
    [InlineData(FieldType.SingleSelect, "\"B\"", "\"B\"")]
    [InlineData(FieldType.MultiSelect, "[\"C\",\"A\",\"C\"]", "[\"A\",\"C\"]")]
    [InlineData(FieldType.User, "\"0193A0B2-7C3D-7E4F-8A9B-0C1D2E3F4A5B\"", "\"0193a0b2-7c3d-7e4f-8a9b-0c1d2e3f4a5b\"")]
    [InlineData(FieldType.Department, "\"0193a0b2-7c3d-7e4f-8a9b-0c1d2e3f4a5b\"", "\"0193a0b2-7c3d-7e4f-8a9b-0c1d2e3f4a5b\"")]
    public void Valid_values_are_stored_normalized(FieldType type, string given, string stored) =>
        Stored(Spec(type), given).ShouldBe(stored);

    [Theory]
    [InlineData(FieldType.Text, "42", "Field must be text.")]
    [InlineData(FieldType.LongText, "[\"x\"]", "Field must be text.")]
    [InlineData(FieldType.Number, "\"twelve\"", "Field must be a number.")]
    [InlineData(FieldType.Number, "true", "Field must be a number.")]
    [InlineData(FieldType.Money, "10.005", "Field must be an amount with at most 2 decimals.")]
    [InlineData(FieldType.Money, "\"abc\"", "Field must be a number.")]
    [InlineData(FieldType.Date, "\"2026-02-30\"", "Field must be a date (yyyy-MM-dd).")]
    [InlineData(FieldType.Date, "\"03.12.2026\"", "Field must be a date (yyyy-MM-dd).")]
    [InlineData(FieldType.Date, "20261203", "Field must be a date (yyyy-MM-dd).")]
    [InlineData(FieldType.Boolean, "\"maybe\"", "Field must be yes or no.")]
    [InlineData(FieldType.Boolean, "1", "Field must be yes or no.")]
    [InlineData(FieldType.SingleSelect, "\"D\"", "Field must be one of its options.")]
    [InlineData(FieldType.SingleSelect, "\"a\"", "Field must be one of its options.")]
    [InlineData(FieldType.MultiSelect, "\"A\"", "Field must be one of its options.")]
    [InlineData(FieldType.MultiSelect, "[\"A\",\"Z\"]", "Field must be one of its options.")]
    [InlineData(FieldType.User, "\"zhang.san\"", "Field must be chosen from the list.")]
    [InlineData(FieldType.Department, "7", "Field must be chosen from the list.")]
    public void Invalid_values_are_field_errors(FieldType type, string given, string message) =>
        Error(Spec(type), given).ShouldBe(message);

    [Fact]
    public void Bounds_and_lengths_are_checked_with_their_limits_in_the_message()
    {
        var amount = Spec(FieldType.Money) with { Min = 0, Max = 10000 };
        Error(amount, "-0.01").ShouldBe("Field must be at least 0.");
        Error(amount, "10000.01").ShouldBe("Field must be at most 10000.");
        Stored(amount, "10000").ShouldBe("10000");
        Error(Spec(FieldType.Text) with { MaxLength = 3 }, "\"abcd\"").ShouldBe("Field must be at most 3 characters.");
        Error(Spec(FieldType.Text), $"\"{new string('x', 201)}\"").ShouldBe("Field must be at most 200 characters.");
        Stored(Spec(FieldType.LongText), $"\"{new string('x', 4000)}\"").Length.ShouldBe(4002);
    }

    [Theory]
    [InlineData(FieldType.Text, "\"   \"")]
    [InlineData(FieldType.Number, "\"\"")]
    [InlineData(FieldType.Date, "\"\"")]
    [InlineData(FieldType.SingleSelect, "\"\"")]
    [InlineData(FieldType.MultiSelect, "[]")]
    [InlineData(FieldType.User, "null")]
    public void Empty_values_are_left_out_and_fail_only_when_required(FieldType type, string given)
    {
        Check(Spec(type), given).ShouldSatisfyAllConditions(c => c.IsValid.ShouldBeTrue(), c => c.Values.ShouldBeEmpty());
        Error(Spec(type) with { Required = true }, given).ShouldBe("Field is required.");
    }

    [Fact]
    public void A_missing_required_field_is_an_error_under_its_key_with_the_label_in_the_request_language()
    {
        var level = new FieldSpec("level", FieldType.SingleSelect, "客户等级", "Customer level") { Required = true, Options = Levels };
        FieldValues.Check([level], null, Texts, applyDefaults: false).Errors["customFields.level"].ShouldBe(["Customer level is required."]);
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        FieldValues.Check([level], [], Texts, applyDefaults: false).Errors["customFields.level"].ShouldBe(["客户等级为必填项。"]);
    }

    [Fact]
    public void Unknown_keys_are_refused_and_the_prefix_names_where_the_values_sit()
    {
        var check = FieldValues.Check([Spec(FieldType.Text)], new JsonObject { ["nope"] = "x" }, Texts, applyDefaults: false, prefix: "values");
        check.Errors.Keys.ShouldBe(["values.nope"]);
        check.Errors["values.nope"].ShouldBe(["There is no field \"nope\"."]);
    }

    [Fact]
    public void Defaults_fill_left_out_fields_of_new_records_only_and_never_override_an_explicit_empty_value()
    {
        var level = Spec(FieldType.SingleSelect) with { Required = true, DefaultValue = "B" };
        FieldValues.Check([level], [], Texts, applyDefaults: true).Values["f"]!.GetValue<string>().ShouldBe("B");
        FieldValues.Check([level], [], Texts, applyDefaults: false).Errors.Keys.ShouldBe(["customFields.f"]);
        FieldValues.Check([level], new JsonObject { ["f"] = null }, Texts, applyDefaults: true).Errors.Keys.ShouldBe(["customFields.f"]);
    }

    [Fact]
    public void Validate_throws_the_400_field_errors_and_returns_every_valid_value()
    {
        FieldSpec[] fields = [Spec(FieldType.Number) with { Key = "n" }, Spec(FieldType.Boolean) with { Key = "b" }, Spec(FieldType.Date) with { Key = "d", Required = true }];
        var error = Should.Throw<ValidationException>(() =>
            FieldValues.Validate(fields, new JsonObject { ["n"] = "x", ["b"] = true }, Texts, applyDefaults: false));
        error.Errors.Keys.Order().ShouldBe(["customFields.d", "customFields.n"]);

        var values = FieldValues.Validate(fields, new JsonObject { ["n"] = "7.0", ["b"] = false, ["d"] = "2026-12-03" }, Texts, applyDefaults: false);
        values.ToJsonString().ShouldBe("""{"n":7,"b":false,"d":"2026-12-03"}""");
    }
}

/// <summary>The rules of a field's definition, as an admin designs it.</summary>
public sealed class FieldSpecValidatorTests
{
    private static readonly FieldSpecValidator Validator = new(new JsonStringLocalizer([typeof(KernelModule).Assembly]));

    private static IEnumerable<string> Errors(FieldSpec spec) => Validator.Validate(spec).Errors.Select(e => e.PropertyName).Distinct();

    private static readonly FieldSpec Level = new("level", FieldType.SingleSelect, "客户等级", "Customer level")
    {
        Options = [new("A", "A 级", "A"), new("B", "B 级", "B")], DefaultValue = "A", Required = true,
    };

    [Fact]
    public void A_well_formed_select_is_valid() => Errors(Level).ShouldBeEmpty();

    [Theory]
    [InlineData("Level")]
    [InlineData("1level")]
    [InlineData("customer-level")]
    [InlineData("")]
    public void Keys_start_with_a_lower_case_letter_and_hold_only_letters_digits_and_underscores(string key) =>
        Errors(Level with { Key = key }).ShouldBe(["Key"]);

    [Fact]
    public void Selects_need_distinct_options_and_other_types_none()
    {
        Errors(Level with { Options = [], DefaultValue = null }).ShouldBe(["Options"]);
        Errors(Level with { Options = [new("A", "甲", "A"), new("A", "乙", "B")] }).ShouldBe(["Options"]);
        Errors(new FieldSpec("note", FieldType.Text, "备注", "Note") { Options = Level.Options }).ShouldBe(["Options"]);
        Errors(Level with { Options = [new("", "", "")], DefaultValue = null }).ShouldBe(["Options[0].Value", "Options[0].LabelZh", "Options[0].LabelEn"]);
    }

    [Fact]
    public void Bounds_fit_the_type_and_the_default_is_a_valid_value()
    {
        var amount = new FieldSpec("budget", FieldType.Money, "预算", "Budget") { Min = 100, Max = 10 };
        Errors(amount).ShouldBe(["Max"]);
        Errors(amount with { Max = null, DefaultValue = 50 }).ShouldBe(["DefaultValue"]);
        Errors(Level with { Min = 1 }).ShouldBe(["Min"]);
        Errors(Level with { DefaultValue = "Z" }).ShouldBe(["DefaultValue"]);
        Errors(new FieldSpec("note", FieldType.Text, "备注", "Note") { MaxLength = 201 }).ShouldBe(["MaxLength"]);
        Errors(new FieldSpec("note", FieldType.LongText, "备注", "Note") { MaxLength = 2000 }).ShouldBeEmpty();
        Errors(new FieldSpec("note", FieldType.Text, "", "Note")).ShouldBe(["LabelZh"]);
    }
}
