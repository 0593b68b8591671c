/** Whether a Comune is in the SAI network, said in words (the colour only repeats it). */
export function SaiBadge({ member }: { member: boolean }) {
  return <span className={member ? "badge bg-success" : "badge bg-secondary"}>{member ? "Aderente al SAI" : "Non aderente"}</span>;
}
