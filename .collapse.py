import sys,re
for f in sys.argv[1:]:
    L=open(f).read().split('\n')
    i=0
    while i < len(L):
        line=L[i]
        if line.rstrip().endswith('(') and not line.strip().startswith(('//','*')):
            indent=len(line)-len(line.lstrip())
            j=i+1; parts=[]
            ok=True
            while j < len(L):
                t=L[j]
                ind=len(t)-len(t.lstrip())
                if ind==indent and t.strip().startswith(')'):
                    break
                if ind!=indent+2 or t.strip().endswith(('(', '{', '[', '=>')) or t.strip().startswith(('//','*', '}', ']',')')):
                    ok=False;break
                parts.append(t.strip()); j+=1
            if ok and j<len(L) and parts:
                args=' '.join(parts)
                if args.endswith(','): args=args[:-1]
                joined=line.rstrip()+args+L[j].strip()
                if len(joined)<=160:
                    print(f"{f}:{i+1}: {len(joined)} {joined.strip()[:100]}")
        i+=1
