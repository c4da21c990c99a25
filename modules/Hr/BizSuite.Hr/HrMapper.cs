using BizSuite.Hr.Departments;
using BizSuite.Hr.Employees;
using BizSuite.Hr.Leave;
using BizSuite.Hr.Recruitment;
using Riok.Mapperly.Abstractions;

namespace BizSuite.Hr;

/// <summary>
/// Entity → DTO mapping of HR (Mapperly; common.props says what fails the build).
/// Entity members a DTO does not show (tenant, version, audit trail, the national id in clear) are not mapped. Names of
/// other records (a department's head, an employee's manager) are looked up by the service and passed in. Candidates
/// and expense claims stay mapped by hand in their services: they gather offers and attachment names per line.
/// </summary>
[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
internal static partial class HrMapper
{
    public static partial DepartmentDto ToDto(this Department department, string? headName, int employeeCount);

    public static partial EmployeeDto ToDto(this Employee employee, string? departmentName, string? managerName);

    private static System.Text.Json.Nodes.JsonObject CustomFieldValues(string json) => System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();

    public static partial JobOpeningDto ToDto(this JobOpening opening, string? departmentName, int candidateCount);

    public static partial LeaveTypeDto ToDto(this LeaveType type);

    public static partial LeaveBalanceDto ToDto(this LeaveBalance balance, string employeeName, string leaveTypeName, decimal pending);

    public static partial LeaveRequestDto ToDto(this LeaveRequest request);
}
