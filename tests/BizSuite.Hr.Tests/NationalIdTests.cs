using BizSuite.Hr.Employees;
using BizSuite.Kernel;
using Shouldly;

namespace BizSuite.Hr.Tests;

public sealed class NationalIdTests
{
    [Theory]
    [InlineData("11010519491231002X")]
    [InlineData("110101199003071233")]
    [InlineData("440304198511204567")]
    public void A_number_with_the_right_check_character_and_birth_date_is_valid(string number) => NationalId.IsValid(number).ShouldBeTrue();

    [Theory]
    [InlineData("110101199003071234")]   // wrong check character
    [InlineData("110105194912310021")]   // X expected
    [InlineData("110101199013071237")]   // month 13, though its check character is right
    [InlineData("11010119900307123")]    // 17 characters
    [InlineData("1101011990030712X3")]   // X only as the last character
    [InlineData("11010519491231002x")]   // lower case is normalised before the check, not accepted by it
    public void Anything_else_is_invalid(string number) => NationalId.IsValid(number).ShouldBeFalse();

    [Fact]
    public void The_mask_keeps_the_region_and_the_last_four() => NationalId.Mask("11010519491231002X").ShouldBe("110105********002X");

    [Fact]
    public void An_employee_stores_only_the_protected_number_and_its_mask()
    {
        var employee = new Employee("E000001", new EmployeeData("张三", null, null, null, new DateOnly(2026, 1, 5), EmployeeStatus.Active, null, null));
        employee.SetNationalId(" 11010519491231002x ", n => $"protected({n})");
        employee.EncryptedNationalId.ShouldBe("protected(11010519491231002X)");
        employee.NationalIdMasked.ShouldBe("110105********002X");

        var error = Should.Throw<BusinessException>(() => employee.SetNationalId("110101199003071234", n => n));
        error.Code.ShouldBe(HrErrors.InvalidNationalId);
        error.Field.ShouldBe("nationalId");
        error.StatusCode.ShouldBe(400);
    }
}
