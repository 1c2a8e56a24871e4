namespace LoanSaaS.Domain.Automation;

/// <param name="Path">Where in the tree, as child indexes from the root ("" the root, "1.0" the first child of its second child).</param>
/// <param name="Code">UnknownField, OperatorNotAllowed, ValuesMissing, ValueInvalid, EmptyGroup, TooDeep, TooBig.</param>
public sealed record ConditionError(string Path, string Code);
