namespace Shishin.Web.Pages.Admin.Services;

/// <summary>One problem of the file: the line where its record starts (0: the file as a whole), the column, and what is wrong.</summary>
public sealed record ServiceImportErrorDto(int Line, string? Column, string Code, string Message);
