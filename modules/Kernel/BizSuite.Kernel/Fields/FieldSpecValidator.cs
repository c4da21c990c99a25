using System.Text.RegularExpressions;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace BizSuite.Kernel;

/// <summary>
/// Rules of a field's definition, for whoever lets an admin design fields (custom fields, custom forms): a key that is
/// safe in JSON paths and URLs, both labels, options exactly for selects, sane bounds, and a default that is itself valid.
/// Use it for a list of specs with <c>RuleForEach(r =&gt; r.Fields).SetValidator(new FieldSpecValidator(l))</c>.
/// </summary>
public sealed partial class FieldSpecValidator : AbstractValidator<FieldSpec>
{
    public const int MaxLabelLength = 100;
    public const int MaxHelpLength = 500;
    public const int MaxOptions = 100;

    [GeneratedRegex("^[a-z][a-zA-Z0-9_]{0,39}$")]
    private static partial Regex KeyPattern();

    public FieldSpecValidator(IStringLocalizer l)
    {
        RuleFor(f => f.Key).NotEmpty().Matches(KeyPattern()).WithMessage(_ => l[FieldErrors.BadKey]);
        RuleFor(f => f.Type).IsInEnum();
        RuleFor(f => f.LabelZh).NotEmpty().MaximumLength(MaxLabelLength);
        RuleFor(f => f.LabelEn).NotEmpty().MaximumLength(MaxLabelLength);
        RuleFor(f => f.HelpZh).MaximumLength(MaxHelpLength);
        RuleFor(f => f.HelpEn).MaximumLength(MaxHelpLength);
        RuleFor(f => f.Options).NotEmpty().When(f => f.IsSelect);
        RuleFor(f => f.Options).Empty().When(f => !f.IsSelect);
        RuleFor(f => f.Options.Count).LessThanOrEqualTo(MaxOptions).OverridePropertyName("Options");
        RuleForEach(f => f.Options).ChildRules(option =>
        {
            option.RuleFor(o => o.Value).NotEmpty().MaximumLength(FieldValues.MaxOptionValueLength);
            option.RuleFor(o => o.LabelZh).NotEmpty().MaximumLength(MaxLabelLength);
            option.RuleFor(o => o.LabelEn).NotEmpty().MaximumLength(MaxLabelLength);
        });
        RuleFor(f => f.Options).Must(o => o.Select(x => x.Value).Distinct().Count() == o.Count).WithMessage(_ => l[FieldErrors.DuplicateOption]);
        RuleFor(f => f.Min).Null().When(f => f.Type is not (FieldType.Number or FieldType.Money));
        RuleFor(f => f.Max).Null().When(f => f.Type is not (FieldType.Number or FieldType.Money));
        RuleFor(f => f.Max).GreaterThanOrEqualTo(f => f.Min!.Value).When(f => f is { Min: not null, Max: not null });
        RuleFor(f => f.MaxLength).Null().When(f => f.Type is not (FieldType.Text or FieldType.LongText));
        RuleFor(f => f.MaxLength).Must((f, max) => max >= 1 && max <= FieldValues.DefaultMaxLength(f.Type))
            .When(f => f.MaxLength is not null && f.Type is FieldType.Text or FieldType.LongText)
            .WithMessage(f => l[FieldErrors.BadMaxLength, FieldValues.DefaultMaxLength(f.Type)]);
        RuleFor(f => f.DefaultValue).Must((f, value) => FieldValues.Normalize(f, value).Error is null).When(f => f.DefaultValue is not null)
            .WithMessage(_ => l[FieldErrors.BadDefault]);
    }
}
