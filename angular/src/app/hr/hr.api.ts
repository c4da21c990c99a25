import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { PageQuery, Paged, toParams } from '../core/api';

export type EmployeeStatus = 'Probation' | 'Active' | 'OnLeave' | 'Resigned';
export const EMPLOYEE_STATUSES: EmployeeStatus[] = ['Probation', 'Active', 'OnLeave', 'Resigned'];
export type CandidateStage = 'Applied' | 'Screening' | 'Interview' | 'Offer' | 'Hired' | 'Rejected';
export const CANDIDATE_STAGES: CandidateStage[] = ['Applied', 'Screening', 'Interview', 'Offer', 'Hired', 'Rejected'];
/** The moves a recruiter makes by hand (the server's stage machine; hiring has its own button). */
export const STAGE_MOVES: Record<CandidateStage, CandidateStage[]> = {
  Applied: ['Screening', 'Interview', 'Rejected'], Screening: ['Interview', 'Rejected'], Interview: ['Offer', 'Rejected'],
  Offer: ['Rejected'], Hired: [], Rejected: [],
};

export interface Department {
  id: string; name: string; code: string; parentId: string | null; headEmployeeId: string | null; headName: string | null; employeeCount: number;
}
export interface SaveDepartment { name: string; code: string; parentId: string | null; headEmployeeId: string | null; }
export interface Employee {
  id: string; number: string; name: string; departmentId: string | null; departmentName: string | null; position: string | null;
  managerId: string | null; managerName: string | null; hireDate: string; status: EmployeeStatus; phone: string | null; email: string | null;
  userId: string | null; nationalIdMasked: string | null; createdAt: string;
}
export interface SaveEmployee {
  name: string; departmentId: string | null; position: string | null; managerId: string | null; hireDate: string; status: EmployeeStatus;
  phone: string | null; email: string | null; nationalId: string | null; userId: string | null;
}
export interface OrgPerson { id: string; number: string; name: string; position: string | null; }
export interface OrgNode { id: string; name: string; code: string; head: OrgPerson | null; employees: OrgPerson[]; children: OrgNode[]; }

export interface JobOpening {
  id: string; title: string; departmentId: string | null; departmentName: string | null; headcount: number; status: 'Open' | 'Closed';
  description: string | null; candidateCount: number; createdAt: string;
}
export interface SaveJobOpening { title: string; departmentId: string | null; headcount: number; description: string | null; status: 'Open' | 'Closed'; }
export interface Interview { id: string; at: string; interviewer: string; result: 'Pass' | 'Fail'; notes: string | null; }
export interface Offer {
  id: string; number: string; monthlySalary: number; currency: string; startDate: string; position: string; departmentId: string | null;
  departmentName: string | null; managerId: string | null; managerName: string | null; status: 'Pending' | 'Approved' | 'Rejected' | 'Withdrawn';
  decisionComment: string | null; createdAt: string;
}
export interface Candidate {
  id: string; name: string; email: string; phone: string | null; openingId: string; openingTitle: string; stage: CandidateStage;
  rejectionReason: string | null; employeeId: string | null; interviews: Interview[]; offer: Offer | null; createdAt: string;
}
export interface SaveCandidate { name: string; email: string; phone: string | null; openingId: string; }
export interface MakeOffer { monthlySalary: number; startDate: string; position: string; departmentId: string | null; managerId: string | null; }
export interface HireResult { employee: Employee; userName: string | null; initialPassword: string | null; }

/** Every department in tree order (parents before children) with its depth, for indented lists and pickers. */
export function treeOrder(departments: Department[]): { department: Department; depth: number }[] {
  const ids = new Set(departments.map(d => d.id));
  const out: { department: Department; depth: number }[] = [];
  const walk = (children: Department[], depth: number) => {
    for (const d of children) {
      out.push({ department: d, depth });
      walk(departments.filter(x => x.parentId === d.id), depth + 1);
    }
  };
  walk(departments.filter(d => d.parentId === null || !ids.has(d.parentId)), 0);
  return out;
}

@Injectable({ providedIn: 'root' })
export class HrApi {
  private readonly http = inject(HttpClient);

  departments() { return this.http.get<Department[]>('/api/hr/departments'); }
  createDepartment(body: SaveDepartment) { return this.http.post<Department>('/api/hr/departments', body); }
  updateDepartment(id: string, body: SaveDepartment) { return this.http.put<Department>(`/api/hr/departments/${id}`, body); }
  deleteDepartment(id: string) { return this.http.delete<void>(`/api/hr/departments/${id}`); }
  orgChart() { return this.http.get<OrgNode[]>('/api/hr/org-chart'); }

  employees(query: PageQuery, departmentId?: string | null) {
    const params = { ...toParams(query), ...(departmentId ? { departmentId } : {}) };
    return this.http.get<Paged<Employee>>('/api/hr/employees', { params });
  }
  employee(id: string) { return this.http.get<Employee>(`/api/hr/employees/${id}`); }
  nationalId(id: string) { return this.http.get<{ nationalId: string }>(`/api/hr/employees/${id}/national-id`); }
  createEmployee(body: SaveEmployee) { return this.http.post<Employee>('/api/hr/employees', body); }
  updateEmployee(id: string, body: SaveEmployee) { return this.http.put<Employee>(`/api/hr/employees/${id}`, body); }

  openings() { return this.http.get<JobOpening[]>('/api/hr/job-openings'); }
  createOpening(body: SaveJobOpening) { return this.http.post<JobOpening>('/api/hr/job-openings', body); }
  updateOpening(id: string, body: SaveJobOpening) { return this.http.put<JobOpening>(`/api/hr/job-openings/${id}`, body); }

  candidates(query: PageQuery, openingId?: string | null) {
    const params = { ...toParams(query), ...(openingId ? { openingId } : {}) };
    return this.http.get<Paged<Candidate>>('/api/hr/candidates', { params });
  }
  candidate(id: string) { return this.http.get<Candidate>(`/api/hr/candidates/${id}`); }
  createCandidate(body: SaveCandidate) { return this.http.post<Candidate>('/api/hr/candidates', body); }
  move(id: string, stage: CandidateStage, reason?: string) { return this.http.post<Candidate>(`/api/hr/candidates/${id}/move`, { stage, reason: reason ?? null }); }
  recordInterview(id: string, body: Omit<Interview, 'id'>) { return this.http.post<Candidate>(`/api/hr/candidates/${id}/interviews`, body); }
  makeOffer(id: string, body: MakeOffer) { return this.http.post<Candidate>(`/api/hr/candidates/${id}/offer`, body); }
  hire(id: string) { return this.http.post<HireResult>(`/api/hr/candidates/${id}/hire`, {}); }
}
